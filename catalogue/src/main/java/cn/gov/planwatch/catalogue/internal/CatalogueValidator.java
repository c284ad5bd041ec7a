package cn.gov.planwatch.catalogue.internal;

import cn.gov.planwatch.catalogue.Agency;
import cn.gov.planwatch.catalogue.Baseline;
import cn.gov.planwatch.catalogue.Bounds;
import cn.gov.planwatch.catalogue.Footnote;
import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.Measure;
import cn.gov.planwatch.catalogue.Milestone;
import cn.gov.planwatch.catalogue.Plan;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.catalogue.Target;
import cn.gov.planwatch.catalogue.UnitKind;
import cn.gov.planwatch.contracts.plan.PlanId;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The rules a bound catalogue must keep. Reports every broken rule, at its field path. */
public final class CatalogueValidator {

    public static final int SCHEMA_VERSION = 1;

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Set<String> FOOTNOTE_PLACES = Set.of("name", "baseline");

    private final Problems problems;
    private final Set<String> agencyCodes = new HashSet<>();

    private CatalogueValidator(Problems problems) {
        this.problems = problems;
    }

    public static void validate(PlanCatalogue catalogue, Problems problems) {
        new CatalogueValidator(problems).catalogue(catalogue);
    }

    private void catalogue(PlanCatalogue catalogue) {
        if (catalogue.schemaVersion() == 0) {
            problems.add("schemaVersion", "required");
        } else if (catalogue.schemaVersion() != SCHEMA_VERSION) {
            problems.add("schemaVersion", "unsupported schema version " + catalogue.schemaVersion()
                    + "; this loader reads version " + SCHEMA_VERSION);
        }
        agencies(catalogue.agencies());
        Plan plan = catalogue.plan();
        if (plan == null) {
            problems.add("plan", "required");
        } else {
            plan(plan);
        }
        indicators(catalogue.indicators(), plan);
        programmes(catalogue.programmes());
    }

    private void agencies(List<Agency> agencies) {
        Map<Object, String> codes = new HashMap<>();
        for (int i = 0; i < agencies.size(); i++) {
            String at = "agencies[" + i + "]";
            Agency agency = agencies.get(i);
            uniqueCode(at + ".code", agency.code(), codes, "agency code");
            text(at + ".nameZh", agency.nameZh());
            text(at + ".nameEn", agency.nameEn());
            if (agency.code() != null) {
                agencyCodes.add(agency.code());
            }
        }
    }

    private void plan(Plan plan) {
        PlanId.problemWith(plan.id()).ifPresent(problem -> problems.add("plan.id", problem));
        positive("plan.version", plan.version());
        text("plan.titleZh", plan.titleZh());
        text("plan.titleEn", plan.titleEn());
        boolean firstYear = positive("plan.firstYear", plan.firstYear());
        boolean targetYear = positive("plan.targetYear", plan.targetYear());
        if (firstYear && targetYear && plan.firstYear() > plan.targetYear()) {
            problems.add("plan.targetYear", "targetYear " + plan.targetYear() + " is before firstYear " + plan.firstYear());
        }
        agency("plan.leadAgency", plan.leadAgency());
    }

    private void indicators(List<Indicator> indicators, Plan plan) {
        Map<Object, String> codes = new HashMap<>();
        Map<Object, String> numbers = new HashMap<>();
        for (int i = 0; i < indicators.size(); i++) {
            String at = "indicators[" + i + "]";
            Indicator indicator = indicators.get(i);
            uniqueCode(at + ".code", indicator.code(), codes, "indicator code");
            if (positive(at + ".number", indicator.number())) {
                unique(at + ".number", indicator.number(), numbers, "indicator number");
            }
            text(at + ".nameZh", indicator.nameZh());
            text(at + ".nameEn", indicator.nameEn());
            unit(at + ".unit", indicator);
            required(at + ".attribute", indicator.attribute());
            if (indicator.direction() != 1 && indicator.direction() != -1) {
                problems.add(at + ".direction", "must be 1 (more is better) or -1 (less is better), was "
                        + indicator.direction());
            }
            agency(at + ".responsibleAgency", indicator.responsibleAgency());
            required(at + ".frequency", indicator.frequency());
            target(at + ".target", indicator.target(), plan);
            baseline(at, indicator);
            increase(at, indicator);
            bounds(at, indicator);
            footnote(at + ".footnote", indicator);
        }
    }

    private void unit(String at, Indicator indicator) {
        if (required(at, indicator.unit())) {
            text(at + ".code", indicator.unit().code());
            text(at + ".symbolZh", indicator.unit().symbolZh());
            text(at + ".nameEn", indicator.unit().nameEn());
            required(at + ".kind", indicator.unit().kind());
        }
    }

    private void target(String at, Target target, Plan plan) {
        if (!required(at, target)) {
            return;
        }
        required(at + ".value", target.value());
        if (positive(at + ".year", target.year()) && plan != null
                && (target.year() < plan.firstYear() || target.year() > plan.targetYear())) {
            problems.add(at + ".year", "year " + target.year() + " is outside the plan period "
                    + plan.firstYear() + "–" + plan.targetYear());
        }
    }

    private void baseline(String at, Indicator indicator) {
        Baseline baseline = indicator.baseline();
        if (baseline == null) {
            return;
        }
        required(at + ".baseline.value", baseline.value());
        if (positive(at + ".baseline.year", baseline.year()) && indicator.target() != null
                && baseline.year() >= indicator.target().year()) {
            problems.add(at + ".baseline.year", "baseline year " + baseline.year()
                    + " is not before the target year " + indicator.target().year());
        }
    }

    /** The plan states the increase; it must agree with its own target and baseline to the last digit. */
    private void increase(String at, Indicator indicator) {
        BigDecimal increase = indicator.increase();
        if (increase == null) {
            return;
        }
        if (indicator.baseline() == null) {
            problems.add(at + ".increase", "an increase needs a baseline to increase from");
            return;
        }
        BigDecimal baseline = indicator.baseline().value();
        BigDecimal target = indicator.target() == null ? null : indicator.target().value();
        if (baseline != null && target != null && increase.compareTo(target.subtract(baseline)) != 0) {
            problems.add(at + ".increase", "increase " + increase.toPlainString() + " is not target − baseline ("
                    + target.toPlainString() + " − " + baseline.toPlainString() + " = "
                    + target.subtract(baseline).toPlainString() + ")");
        }
    }

    private void bounds(String at, Indicator indicator) {
        Bounds bounds = indicator.bounds();
        if (!required(at + ".bounds", bounds)) {
            return;
        }
        BigDecimal min = bounds.min();
        BigDecimal max = bounds.max();
        if (min != null && max != null && min.compareTo(max) > 0) {
            problems.add(at + ".bounds.max", "max " + max.toPlainString() + " is below min " + min.toPlainString());
        }
        UnitKind kind = indicator.unit() == null ? null : indicator.unit().kind();
        if (kind == UnitKind.SHARE_PERCENT || kind == UnitKind.SCORE) {
            if (min == null || min.signum() < 0) {
                problems.add(at + ".bounds.min", kind + " needs a min within 0..100");
            }
            if (max == null || max.compareTo(HUNDRED) > 0) {
                problems.add(at + ".bounds.max", kind + " needs a max within 0..100");
            }
        }
        if (indicator.baseline() != null) {
            withinBounds(at + ".baseline.value", indicator.baseline().value(), bounds);
        }
        if (indicator.target() != null) {
            withinBounds(at + ".target.value", indicator.target().value(), bounds);
        }
    }

    private void withinBounds(String at, BigDecimal value, Bounds bounds) {
        if (value != null && (bounds.min() != null && value.compareTo(bounds.min()) < 0
                || bounds.max() != null && value.compareTo(bounds.max()) > 0)) {
            problems.add(at, "value " + value.toPlainString() + " is outside the bounds " + bounds.min() + ".." + bounds.max());
        }
    }

    private void footnote(String at, Indicator indicator) {
        Footnote footnote = indicator.footnote();
        if (footnote == null) {
            return;
        }
        text(at + ".marker", footnote.marker());
        if (!FOOTNOTE_PLACES.contains(footnote.on())) {
            problems.add(at + ".on", "must be one of " + FOOTNOTE_PLACES + ", was '" + footnote.on() + "'");
        } else if (footnote.on().equals("baseline") && indicator.baseline() == null) {
            problems.add(at + ".on", "the footnote is on a baseline the indicator does not have");
        }
    }

    private void programmes(List<Programme> programmes) {
        Map<Object, String> slugs = new HashMap<>();
        for (int i = 0; i < programmes.size(); i++) {
            String at = "programmes[" + i + "]";
            Programme programme = programmes.get(i);
            uniqueCode(at + ".slug", programme.slug(), slugs, "programme slug");
            positive(at + ".box", programme.box());
            text(at + ".titleZh", programme.titleZh());
            text(at + ".titleEn", programme.titleEn());
            agency(at + ".leadAgency", programme.leadAgency());
            agencies(at + ".participatingAgencies", programme.leadAgency(), programme.participatingAgencies());
            measures(at + ".measures", programme.measures());
            milestones(at + ".milestones", programme);
        }
    }

    private void measures(String at, List<Measure> measures) {
        Map<Object, String> codes = new HashMap<>();
        for (int i = 0; i < measures.size(); i++) {
            String path = at + "[" + i + "]";
            Measure measure = measures.get(i);
            uniqueCode(path + ".code", measure.code(), codes, "measure code");
            text(path + ".titleZh", measure.titleZh());
            text(path + ".titleEn", measure.titleEn());
            if (measure.leadAgency() != null) {
                agency(path + ".leadAgency", measure.leadAgency());
            }
            agencies(path + ".agencies", measure.leadAgency(), measure.agencies());
        }
    }

    private void milestones(String at, Programme programme) {
        Map<Object, String> codes = new HashMap<>();
        for (int i = 0; i < programme.milestones().size(); i++) {
            String path = at + "[" + i + "]";
            Milestone milestone = programme.milestones().get(i);
            uniqueCode(path + ".code", milestone.code(), codes, "milestone code");
            text(path + ".nameZh", milestone.nameZh());
            text(path + ".nameEn", milestone.nameEn());
            text(path + ".unit", milestone.unit());
            if (required(path + ".target", milestone.target()) && milestone.target().signum() <= 0) {
                problems.add(path + ".target", "must be greater than 0, was " + milestone.target().toPlainString());
            }
            if (milestone.measure() != null && programme.measure(milestone.measure()).isEmpty()) {
                problems.add(path + ".measure", "unknown measure '" + milestone.measure() + "' in programme '"
                        + programme.slug() + "'");
            }
        }
    }

    /** Agencies that share work with a lead: known, not the lead again, and each named once. */
    private void agencies(String at, String lead, List<String> codes) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < codes.size(); i++) {
            String path = at + "[" + i + "]";
            String code = codes.get(i);
            if (agency(path, code) && code.equals(lead)) {
                problems.add(path, "'" + code + "' is the lead agency; it is not listed again");
            } else if (code != null && !seen.add(code)) {
                problems.add(path, "agency '" + code + "' is listed twice");
            }
        }
    }

    private boolean agency(String at, String code) {
        if (!text(at, code)) {
            return false;
        }
        if (!agencyCodes.contains(code)) {
            problems.add(at, "unknown agency '" + code + "'");
            return false;
        }
        return true;
    }

    private boolean uniqueCode(String at, String code, Map<Object, String> seen, String what) {
        return text(at, code) && unique(at, code, seen, what);
    }

    private boolean unique(String at, Object value, Map<Object, String> seen, String what) {
        String first = seen.putIfAbsent(value, at);
        if (first != null) {
            problems.add(at, "duplicate " + what + " '" + value + "' (first at " + first + ")");
            return false;
        }
        return true;
    }

    private boolean text(String at, String value) {
        if (value == null || value.isBlank()) {
            problems.add(at, "required");
            return false;
        }
        return true;
    }

    private boolean required(String at, Object value) {
        if (value == null) {
            problems.add(at, "required");
            return false;
        }
        return true;
    }

    /** Ints bind absent as 0, and no int in a catalogue is 0: years, numbers, boxes, the plan's version. */
    private boolean positive(String at, int value) {
        if (value <= 0) {
            problems.add(at, value == 0 ? "required" : "must be positive, was " + value);
            return false;
        }
        return true;
    }
}
