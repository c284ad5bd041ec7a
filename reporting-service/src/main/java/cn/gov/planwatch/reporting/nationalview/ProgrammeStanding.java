package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.catalogue.Milestone;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A programme's roll-up from the current revisions of its reports, by programme-service's rules: each agency's
 * latest report is its latest quarter's current revision; the programme's status is the lead agency's; the worst
 * participant is the one whose latest status is most severe (ties: catalogue order); a milestone's value is the
 * latest reported (latest quarter, then latest in log order, whichever agency) — values are cumulative.
 */
public record ProgrammeStanding(AgencyStatus lead, AgencyStatus worstParticipant, List<MilestoneValue> milestones) {

    /** An agency's latest report, in brief. */
    public record AgencyStatus(String agency, String status, String quarter, int percentComplete, UUID eventId) {

        static AgencyStatus of(ProgressFact report) {
            return new AgencyStatus(report.agency(), report.status(), report.quarter(), report.percentComplete(),
                    report.eventId());
        }
    }

    /** {@code value} and the source fields are null until someone reports the milestone. */
    public record MilestoneValue(String code, BigDecimal value, String agency, String quarter, UUID eventId) {
    }

    /** Severity, least to most: COMPLETED &lt; ON_TRACK &lt; NOT_STARTED &lt; AT_RISK &lt; DELAYED. */
    public static final List<String> SEVERITY = List.of("COMPLETED", "ON_TRACK", "NOT_STARTED", "AT_RISK", "DELAYED");

    /** {@code current}: the current revision of each report, in log order. */
    public static ProgrammeStanding of(Programme programme, List<ProgressFact> current) {
        Map<String, ProgressFact> latest = new HashMap<>();
        for (ProgressFact report : current) {
            ProgressFact known = latest.get(report.agency());
            if (known == null || quarter(report).compareTo(quarter(known)) >= 0) {
                latest.put(report.agency(), report);
            }
        }
        AgencyStatus lead = latest.containsKey(programme.leadAgency())
                ? AgencyStatus.of(latest.get(programme.leadAgency())) : null;
        AgencyStatus worst = programme.participatingAgencies().stream()
                .map(latest::get).filter(Objects::nonNull)
                .reduce((a, b) -> severity(b) > severity(a) ? b : a)
                .map(AgencyStatus::of).orElse(null);
        List<MilestoneValue> milestones = programme.milestones().stream().map(m -> value(m, current)).toList();
        return new ProgrammeStanding(lead, worst, milestones);
    }

    /** The events behind the standing: the lead's and the worst participant's reports, then milestone sources. */
    public List<UUID> eventIds() {
        return Stream.concat(
                Stream.of(lead, worstParticipant).filter(Objects::nonNull).map(AgencyStatus::eventId),
                milestones.stream().map(MilestoneValue::eventId).filter(Objects::nonNull))
                .distinct().toList();
    }

    private static MilestoneValue value(Milestone milestone, List<ProgressFact> current) {
        ProgressFact source = null;
        BigDecimal value = null;
        for (ProgressFact report : current) {
            for (ProgressFact.MilestoneValue reported : report.milestones()) {
                if (reported.code().equals(milestone.code())
                        && (source == null || quarter(report).compareTo(quarter(source)) >= 0)) {
                    source = report;
                    value = reported.value();
                }
            }
        }
        return source == null ? new MilestoneValue(milestone.code(), null, null, null, null)
                : new MilestoneValue(milestone.code(), value, source.agency(), source.quarter(), source.eventId());
    }

    static int severity(ProgressFact report) {
        return SEVERITY.indexOf(report.status());
    }

    private static ReportingPeriod quarter(ProgressFact report) {
        return ReportingPeriod.parse(report.quarter()).orElseThrow();
    }
}
