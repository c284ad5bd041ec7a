package cn.gov.planwatch.programme.apidescription;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.util.List;

/**
 * Describes what this service's answers carry from the event contracts and the plan's rules: what each field means,
 * an example (Chinese where the field is text), which fields may be null, and names that say what the shapes are.
 */
@Component
class ProgrammeApiShapes implements OpenApiCustomizer {

    private static final String EVENT_ID = "0b6f1a52-6a3e-4a53-9d4e-2f1c3b7a9e10";

    @Override
    public void customise(OpenAPI api) {
        ServedShapes shapes = new ServedShapes(api);
        describeProgress(shapes);
        describeCompliance(shapes);
    }

    private static void describeProgress(ServedShapes shapes) {
        shapes.shape("MeasureStatus").is("The status of one measure of the programme, as reported.")
                .always("code", "The measure's code in the catalogue", "policy")
                .always("status", "The measure's status: NOT_STARTED, ON_TRACK, AT_RISK, DELAYED or COMPLETED",
                        "COMPLETED")
                .orNull("note", "The agency's note on the measure, or null", "指引已印发");
        shapes.shape("MilestoneValue").is("The value reached on one milestone, in its unit (cumulative).")
                .always("code", "The milestone's code in the catalogue", "gi-demo-zones")
                .always("value", "The value reached so far", new BigDecimal("37"));
        shapes.shape("ProgrammeRollUp").is("A programme's standing, from the current revisions of its reports.")
                .always("asOfQuarter", "The quarter notReported is about: the current one, or the plan's last once"
                        + " it has ended", "2025-Q4")
                .orNull("lead", "The lead agency's latest report in brief, or null before it reports", null)
                .orNull("worstParticipant", "The participating agency whose latest report has the most severe"
                        + " status (DELAYED, AT_RISK, NOT_STARTED, ON_TRACK, COMPLETED in that order), or null", null)
                .always("milestones", "Each milestone of the catalogue with the latest value reported for it", null)
                .always("notReported", "Agencies of the programme with no report for asOfQuarter, lead first",
                        List.of("MPS"));
        shapes.shape("AgencyStanding").is("An agency's latest report on a programme, in brief.")
                .always("agency", "The agency's code", "SPC")
                .always("status", "The status it reported", "AT_RISK")
                .always("quarter", "The quarter of that report", "2025-Q3")
                .always("percentComplete", "The percentage it reported, 0–100", 45)
                .always("eventId", "The report's eventId", EVENT_ID);
        shapes.shape("MilestoneStanding").is("A milestone against its target: the latest value reported (latest"
                        + " quarter, then latest recorded, whichever agency reported it). Values and their source are"
                        + " null until someone reports it.")
                .always("code", "The milestone's code", "gi-demo-zones")
                .always("nameZh", "Its Chinese name", "建成100个国家地理标志产品保护示范区")
                .always("nameEn", "Its English name", "National GI-product protection demonstration zones built")
                .always("unit", "Its unit", "zones")
                .always("target", "The value to reach by the plan's target year", new BigDecimal("100"))
                .orNull("value", "The latest value reported, or null", new BigDecimal("37"))
                .orNull("percentOfTarget", "value ÷ target × 100, one decimal, or null", new BigDecimal("37.0"))
                .orNull("agency", "The agency that reported value, or null", "MARA")
                .orNull("quarter", "The quarter value was reported for, or null", "2025-Q3")
                .orNull("eventId", "The report value comes from, or null", EVENT_ID);
    }

    private static void describeCompliance(ServedShapes shapes) {
        shapes.rename("Cell", "AgencyQuarter");
        shapes.rename("Rates", "ComplianceRates");
        shapes.rename("Review", "QuarterlyUpdateReview");
        shapes.shape("ComplianceMatrix").is("Every agency that owes quarterly updates × every quarter of the plan,"
                        + " with per-quarter totals and rates.")
                .always("asOf", "The instant the states and rates are computed for", "2025-10-20T02:00:00Z")
                .always("gracePeriod", "How long after a quarter's end its update is due (ISO-8601 duration)", "P15D")
                .always("quarters", "Every quarter of the plan, oldest first", List.of("2021-Q1", "2021-Q2"))
                .always("agencies", "Each agency's quarters and rates", null)
                .always("byQuarter", "Each quarter's totals over the agencies", null)
                .always("overall", "The rates over every agency and quarter", null);
        agencyCompliance(shapes.shape("AgencyCompliance").is("One agency's quarters and rates."));
        agencyCompliance(shapes.shape("AgencyQuarterlyUpdates"));
        shapes.shape("AgencyQuarter").is("One agency's update for one quarter, as the lead agency sees it.")
                .always("agency", "The agency's code", "SAMR")
                .always("quarter", "The quarter, YYYY-Qn", "2025-Q3")
                .always("state", "NOT_DUE: the quarter has not ended; DUE: ended, deadline not passed; OVERDUE:"
                        + " deadline passed, nothing submitted; SUBMITTED_ON_TIME / SUBMITTED_LATE: awaiting review,"
                        + " first submitted before / not before the deadline; RETURNED: returned for revision and not"
                        + " resubmitted; ACCEPTED: accepted, the quarter is locked", "SUBMITTED_ON_TIME")
                .always("deadline", "When the update is due: the quarter's end plus the grace period",
                        "2025-10-15T16:00:00Z")
                .orNull("submittedAt", "The latest submission, or null", "2025-10-12T01:15:00Z")
                .orNull("firstSubmittedAt", "The first submission, by which timeliness is measured, or null",
                        "2025-10-09T06:30:00Z")
                .orNull("onTime", "Whether first submitted before the deadline; null until submitted", true)
                .orNull("review", "The latest acceptance or return by the lead agency, or null", null)
                .orNull("eventId", "The lifecycle event behind state, or null while nothing has happened", EVENT_ID);
        shapes.shape("ComplianceRates").is("Counts and ratios (4 decimals) over the quarters whose deadline has"
                        + " passed; a ratio is null while nothing is counted.")
                .always("owed", "Updates owed", 18)
                .always("reported", "Of those, updates now submitted or accepted", 2)
                .orNull("reportingRate", "reported ÷ owed, or null", new BigDecimal("0.1111"))
                .always("submitted", "Updates ever submitted (a returned one included)", 2)
                .always("onTime", "Of those, updates first submitted before the deadline", 1)
                .orNull("onTimeRate", "onTime ÷ submitted, or null", new BigDecimal("0.5000"));
        shapes.shape("QuarterCompliance").is("One quarter's totals over the agencies.")
                .always("quarter", "The quarter, YYYY-Qn", "2025-Q3")
                .always("deadline", "When the quarter's updates are due", "2025-10-15T16:00:00Z")
                .always("pastDeadline", "Whether the deadline has passed at asOf", true)
                .always("states", "How many agencies are in each state (only states that occur)",
                        java.util.Map.of("OVERDUE", 16, "SUBMITTED_ON_TIME", 1, "SUBMITTED_LATE", 1))
                .always("rates", "The quarter's rates", null);
        shapes.shape("QuarterlyUpdateReview").is("A review of an update by the plan's lead agency.")
                .always("outcome", "ACCEPTED or RETURNED", "RETURNED")
                .always("reviewer", "The reviewing agency's code", "CNIPA")
                .always("reviewedAt", "When it was recorded", "2025-10-14T08:00:00Z")
                .orNull("reason", "Why it was returned; null for an acceptance", "请补充商业秘密保护工程第三季度的里程碑数据")
                .always("items", "What to revise (indicator codes and programme slugs); empty for an acceptance",
                        List.of("IND-03", "trade-secrets"))
                .always("eventId", "The review's lifecycle event", EVENT_ID);
    }

    private static void agencyCompliance(ServedShapes.Shape compliance) {
        compliance.always("agency", "The agency's code", "SAMR")
                .always("quarters", "Every quarter the agency owes an update for, oldest first", null)
                .always("rates", "The agency's rates", null);
    }
}
