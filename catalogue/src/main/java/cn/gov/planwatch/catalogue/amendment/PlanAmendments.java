package cn.gov.planwatch.catalogue.amendment;

import cn.gov.planwatch.catalogue.Agency;
import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.InvalidPlanDocumentException;
import cn.gov.planwatch.catalogue.Measure;
import cn.gov.planwatch.catalogue.Milestone;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanDocuments;
import cn.gov.planwatch.catalogue.PlanProblem;
import cn.gov.planwatch.catalogue.Programme;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * What a proposed plan document may do to the plan in force.
 *
 * <ul>
 *   <li>No plan in force: the document publishes the plan.</li>
 *   <li>The version in force with the same content: unchanged, so sending a document twice is harmless.</li>
 *   <li>The version in force with other content, or a lower version: a {@link PlanVersionConflictException}.</li>
 *   <li>A higher version amends. It may rename anything, change targets, baselines, increases, bounds, notes and
 *       who is responsible, and add agencies, indicators, programmes, measures and milestones. It may not remove
 *       anything that has reports — and since a code is what reports refer to, recoding is removing — nor change
 *       what the reported figures mean: an indicator's unit, direction or frequency, a milestone's unit, or the
 *       plan's years once anything is reported.</li>
 * </ul>
 *
 * Removing something nobody has reported against is allowed: until the first report it is a correction of the
 * document, and refusing it would only force a plan to carry a mistyped code for its whole life.
 */
public final class PlanAmendments {

    private static final String KEPT = " has reports; an amendment may rename it but not remove or recode it";

    private PlanAmendments() {
    }

    /**
     * @param planId   the plan the document is sent as (the address it is sent to)
     * @param inForce  the plan's document in force, if the plan is published
     * @param proposed the proposed document, already valid on its own ({@link PlanDocuments#parse})
     * @param reported everything of the plan in force that has reports
     * @throws InvalidPlanDocumentException  listing every problem: another plan's id, removed or changed reported
     *                                       elements (their fields have no line: they are about the amendment)
     * @throws PlanVersionConflictException if the version cannot follow the one in force
     */
    public static PlanDocumentOutcome judge(String planId, Optional<PlanCatalogue> inForce, PlanCatalogue proposed,
                                            Set<ReportedElement> reported) {
        if (!proposed.plan().id().equals(planId)) {
            throw new InvalidPlanDocumentException(List.of(new PlanProblem("plan.id",
                    "the document is plan '" + proposed.plan().id() + "'; it was sent as plan '" + planId + "'",
                    null)));
        }
        if (inForce.isEmpty()) {
            return new PlanDocumentOutcome.Published(proposed);
        }
        PlanCatalogue current = inForce.get();
        int versionInForce = current.plan().version();
        int proposedVersion = proposed.plan().version();
        if (proposedVersion == versionInForce && PlanDocuments.sameContent(current, proposed)) {
            return new PlanDocumentOutcome.Unchanged(current);
        }
        if (proposedVersion <= versionInForce) {
            throw new PlanVersionConflictException(planId, versionInForce, proposedVersion);
        }
        List<PlanProblem> problems = new Keeping(current, proposed, reported).problems();
        if (!problems.isEmpty()) {
            throw new InvalidPlanDocumentException(problems);
        }
        return new PlanDocumentOutcome.Amended(current, proposed);
    }

    /** Walks the plan in force and finds, in the proposed document, what it must keep. */
    private static final class Keeping {

        private final PlanCatalogue current;
        private final PlanCatalogue proposed;
        private final Set<ReportedElement> reported;
        private final List<PlanProblem> problems = new ArrayList<>();

        Keeping(PlanCatalogue current, PlanCatalogue proposed, Set<ReportedElement> reported) {
            this.current = current;
            this.proposed = proposed;
            this.reported = reported;
        }

        List<PlanProblem> problems() {
            period();
            for (Agency agency : current.agencies()) {
                keep("agencies", ReportedElement.agency(agency.code()),
                        indexOf(proposed.agencies(), Agency::code, agency.code()));
            }
            for (Indicator indicator : current.indicators()) {
                indicator(indicator);
            }
            for (Programme programme : current.programmes()) {
                programme(programme);
            }
            return problems;
        }

        private void period() {
            if (reported.isEmpty()) {
                return;
            }
            if (current.plan().firstYear() != proposed.plan().firstYear()) {
                add("plan.firstYear", "the plan has reports from " + current.plan().firstYear() + " on; its years"
                        + " cannot change");
            }
            if (current.plan().targetYear() != proposed.plan().targetYear()) {
                add("plan.targetYear", "the plan has reports against target year " + current.plan().targetYear()
                        + "; its years cannot change");
            }
        }

        private void indicator(Indicator was) {
            ReportedElement element = ReportedElement.indicator(was.code());
            int at = indexOf(proposed.indicators(), Indicator::code, was.code());
            if (!keep("indicators", element, at) || !reported.contains(element)) {
                return;
            }
            Indicator now = proposed.indicators().get(at);
            String field = "indicators[" + at + "]";
            if (!Objects.equals(was.unit().code(), now.unit().code()) || was.unit().kind() != now.unit().kind()) {
                add(field + ".unit", element.describe() + " is reported in " + was.unit().code() + " ("
                        + was.unit().kind() + "); its unit cannot change");
            }
            if (was.direction() != now.direction()) {
                add(field + ".direction", element.describe() + " has reports read with direction "
                        + was.direction() + "; it cannot change");
            }
            if (was.frequency() != now.frequency()) {
                add(field + ".frequency", element.describe() + " is reported " + was.frequency()
                        + "; its frequency cannot change");
            }
        }

        private void programme(Programme was) {
            int at = indexOf(proposed.programmes(), Programme::slug, was.slug());
            if (at < 0) {
                if (reported.stream().anyMatch(element -> belongsTo(element, was.slug()))) {
                    add("programmes", ReportedElement.programme(was.slug()).describe() + KEPT);
                }
                return;
            }
            Programme now = proposed.programmes().get(at);
            String field = "programmes[" + at + "]";
            for (Measure measure : was.measures()) {
                keep(field + ".measures", ReportedElement.measure(was.slug(), measure.code()),
                        indexOf(now.measures(), Measure::code, measure.code()));
            }
            for (Milestone milestone : was.milestones()) {
                ReportedElement element = ReportedElement.milestone(was.slug(), milestone.code());
                int milestoneAt = indexOf(now.milestones(), Milestone::code, milestone.code());
                if (keep(field + ".milestones", element, milestoneAt) && reported.contains(element)
                        && !milestone.unit().equals(now.milestones().get(milestoneAt).unit())) {
                    add(field + ".milestones[" + milestoneAt + "].unit", element.describe() + " is reported in "
                            + milestone.unit() + "; its unit cannot change");
                }
            }
        }

        /** Whether the element is still there; a problem at {@code listField} if a reported one is gone. */
        private boolean keep(String listField, ReportedElement element, int indexInProposed) {
            if (indexInProposed >= 0) {
                return true;
            }
            if (reported.contains(element)) {
                add(listField, element.describe() + KEPT);
            }
            return false;
        }

        private static boolean belongsTo(ReportedElement element, String slug) {
            return slug.equals(element.programme())
                    || element.kind() == ReportedElement.Kind.PROGRAMME && slug.equals(element.code());
        }

        private void add(String field, String message) {
            problems.add(new PlanProblem(field, message, null));
        }

        private static <T> int indexOf(List<T> items, Function<T, String> code, String wanted) {
            for (int i = 0; i < items.size(); i++) {
                if (wanted.equals(code.apply(items.get(i)))) {
                    return i;
                }
            }
            return -1;
        }
    }
}
