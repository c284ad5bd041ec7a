package cn.gov.planwatch.reporting.provenance;

import cn.gov.planwatch.planrules.UnknownPlanException;
import cn.gov.planwatch.planrules.NotInPlanException;
import cn.gov.planwatch.reporting.nationalview.IndicatorFact;
import cn.gov.planwatch.reporting.nationalview.LifecycleStep;
import cn.gov.planwatch.reporting.nationalview.NationalView;
import cn.gov.planwatch.reporting.nationalview.NationalView.AgencyCompliance;
import cn.gov.planwatch.reporting.nationalview.NationalView.UpdateCell;
import cn.gov.planwatch.reporting.nationalview.NationalViewReader;
import cn.gov.planwatch.reporting.nationalview.ProgressFact;
import cn.gov.planwatch.reporting.nationalview.RecordedFacts;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Resolves a figure of the national view to the events behind it. The figure is looked up in the view as of the
 * same instant, so provenance names exactly the events the figure was computed from.
 */
@Component
public class FigureProvenance {

    private static final Pattern QUARTER = Pattern.compile("\\d{4}-Q[1-4]");

    private final NationalViewReader reader;
    private final RecordedFacts facts;

    FigureProvenance(NationalViewReader reader, RecordedFacts facts) {
        this.reader = reader;
        this.facts = facts;
    }

    /**
     * A figure of the view of {@code plan} (null: the default plan).
     *
     * @throws NotInPlanException  404 for a figure the view does not have
     * @throws UnknownPlanException 404 for a plan not in force at {@code asOf}
     */
    public Provenance of(String plan, String figure, Instant asOf) {
        NationalView view = reader.view(plan, asOf);
        int colon = figure.indexOf(':');
        String kind = colon < 0 ? "" : figure.substring(0, colon);
        String key = figure.substring(colon + 1);
        List<Provenance.Event> events = switch (kind) {
            case "indicator" -> indicator(view, key, asOf);
            case "programme" -> view.programmes().stream().filter(p -> p.slug().equals(key)).findFirst()
                    .map(p -> programmeEvents(p.eventIds(),
                            r -> new Provenance.ProgrammeValue(r.status(), r.percentComplete())))
                    .orElseThrow(() -> unknown(figure));
            case "milestone" -> milestone(view, key).orElseThrow(() -> unknown(figure));
            case "compliance" -> compliance(view, key).orElseThrow(() -> unknown(figure));
            default -> throw unknown(figure);
        };
        return new Provenance(figure, view.asOf(), events);
    }

    private List<Provenance.Event> indicator(NationalView view, String key, Instant asOf) {
        String code = key.contains("/") ? key.substring(0, key.indexOf('/')) : key;
        var line = view.indicators().stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> unknown("indicator:" + key));
        if (!key.contains("/")) {
            return facts.indicatorReports(line.eventIds()).stream().map(f -> event(f, null)).toList();
        }
        String period = key.substring(key.indexOf('/') + 1);
        var point = line.series().stream().filter(p -> p.period().equals(period)).findFirst()
                .orElseThrow(() -> unknown("indicator:" + key));
        // Every revision known then, so a reader sees what the figure replaced.
        return facts.indicatorRevisions(view.plan().id(), code, period, asOf).stream()
                .map(f -> event(f, f.eventId().equals(point.eventId()))).toList();
    }

    private Optional<List<Provenance.Event>> milestone(NationalView view, String key) {
        int slash = key.indexOf('/');
        if (slash < 0) {
            return Optional.empty();
        }
        String slug = key.substring(0, slash);
        String code = key.substring(slash + 1);
        return view.programmes().stream().filter(p -> p.slug().equals(slug)).findFirst()
                .flatMap(p -> p.milestones().stream().filter(m -> m.code().equals(code)).findFirst())
                .map(m -> programmeEvents(m.eventIds(), r -> r.milestones().stream()
                        .filter(v -> v.code().equals(code)).findFirst().map(v -> (Object) v.value()).orElse(null)));
    }

    private Optional<List<Provenance.Event>> compliance(NationalView view, String key) {
        List<AgencyCompliance> agencies = view.compliance().agencies();
        Predicate<AgencyCompliance> agency;
        Predicate<UpdateCell> cell;
        if (key.equals("overall")) {
            agency = a -> true;
            cell = c -> true;
        } else if (key.contains("/")) {
            String code = key.substring(0, key.indexOf('/'));
            String quarter = key.substring(key.indexOf('/') + 1);
            agency = a -> a.agency().equals(code);
            cell = c -> c.quarter().equals(quarter);
        } else if (QUARTER.matcher(key).matches()) {
            agency = a -> true;
            cell = c -> c.quarter().equals(key);
        } else {
            agency = a -> a.agency().equals(key);
            cell = c -> true;
        }
        List<UpdateCell> cells = agencies.stream().filter(agency).flatMap(a -> a.quarters().stream()).filter(cell)
                .toList();
        if (cells.isEmpty()) {
            return Optional.empty();
        }
        List<UUID> ids = cells.stream().flatMap(c -> c.eventIds().stream()).toList();
        return Optional.of(facts.lifecycleSteps(ids).stream().map(FigureProvenance::event).toList());
    }

    private List<Provenance.Event> programmeEvents(List<UUID> ids, Function<ProgressFact, Object> value) {
        Map<UUID, Provenance.Event> events = new LinkedHashMap<>();
        for (ProgressFact r : facts.progressReports(ids)) {
            events.put(r.eventId(), new Provenance.Event(r.eventId(), "ProgressReported",
                    r.programme() + "/" + r.quarter() + "/" + r.agency(), r.agency(), r.clientId(), r.actor(),
                    r.recordedAt(), r.revision(), value.apply(r), null));
        }
        return List.copyOf(events.values());
    }

    private static Provenance.Event event(IndicatorFact f, Boolean current) {
        return new Provenance.Event(f.eventId(), "ObservationReported", f.indicator() + "/" + f.period(), f.agency(),
                f.clientId(), f.actor(), f.recordedAt(), f.revision(), f.value(), current);
    }

    private static Provenance.Event event(LifecycleStep s) {
        String type = switch (s.kind()) {
            case SUBMITTED -> "QuarterlyUpdateSubmitted";
            case ACCEPTED -> "QuarterlyUpdateAccepted";
            case RETURNED -> "QuarterlyUpdateReturned";
        };
        return new Provenance.Event(s.eventId(), type, s.agency() + "/" + s.quarter(), s.agency(), s.clientId(),
                s.actor(), s.recordedAt(), s.step(), s.kind().name(), null);
    }

    private static NotInPlanException unknown(String figure) {
        return new NotInPlanException("figure", figure);
    }
}
