package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same hand-made tables as programme-service's {@code ComplianceAssessmentTest}, so the national view and
 * programme-service call every update by the same state. 2024-Q2 ends 2024-06-30T16:00Z (midnight, Beijing);
 * with 15 days' grace its deadline is 2024-07-15T16:00Z.
 */
class ComplianceRulesTest {

    static final PlanCatalogue CATALOGUE = PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION);
    static final PlanQuarters QUARTERS = new PlanQuarters(CATALOGUE.plan(), ZoneId.of("Asia/Shanghai"));
    static final ComplianceRules RULES = new ComplianceRules(CATALOGUE, QUARTERS, Period.ofDays(15));
    static final ReportingPeriod Q = new ReportingPeriod(2024, 2);

    /** events: S@time = submitted, A@time = accepted, R@time = returned, separated by spaces; "-" = none. */
    @ParameterizedTest(name = "{0} at {1} → {2}")
    @CsvSource(delimiter = '|', textBlock = """
            -                                                      | 2024-06-20T00:00:00Z | NOT_DUE
            -                                                      | 2024-06-30T15:59:59Z | NOT_DUE
            -                                                      | 2024-06-30T16:00:00Z | DUE
            -                                                      | 2024-07-15T15:59:59Z | DUE
            -                                                      | 2024-07-15T16:00:00Z | OVERDUE
            S@2024-06-25T00:00:00Z                                 | 2024-06-26T00:00:00Z | SUBMITTED_ON_TIME
            S@2024-07-15T15:59:59Z                                 | 2024-08-01T00:00:00Z | SUBMITTED_ON_TIME
            S@2024-07-15T16:00:00Z                                 | 2024-08-01T00:00:00Z | SUBMITTED_LATE
            S@2024-07-10T00:00:00Z R@2024-07-12T00:00:00Z          | 2024-08-01T00:00:00Z | RETURNED
            S@2024-07-10T00:00:00Z R@2024-07-20T00:00:00Z S@2024-07-25T00:00:00Z | 2024-08-01T00:00:00Z | SUBMITTED_ON_TIME
            S@2024-07-20T00:00:00Z R@2024-07-21T00:00:00Z S@2024-07-22T00:00:00Z | 2024-08-01T00:00:00Z | SUBMITTED_LATE
            S@2024-07-10T00:00:00Z A@2024-07-11T00:00:00Z          | 2024-07-12T00:00:00Z | ACCEPTED
            S@2024-07-30T00:00:00Z A@2024-07-31T00:00:00Z          | 2024-08-01T00:00:00Z | ACCEPTED
            """)
    void theStateOfAnUpdateFollowsItsEventsAndTheClock(String events, String now, ComplianceState expected) {
        assertThat(RULES.cell("SAMR", Q, fold("SAMR", events), Instant.parse(now)).state()).isEqualTo(expected);
    }

    @Test
    void ratesForAScriptedQuarterMatchAHandMadeTable() {
        Instant now = Instant.parse("2024-08-01T00:00:00Z");
        List<ComplianceRules.Cell> cells = new ArrayList<>();
        for (String agency : RULES.agencies()) {
            String events = switch (agency) {
                case "PBOC" -> "S@2024-07-10T00:00:00Z";                          // on time
                case "SASAC" -> "S@2024-07-20T00:00:00Z";                         // late
                case "SAMR" -> "S@2024-07-01T00:00:00Z A@2024-07-02T00:00:00Z";   // on time, accepted
                case "MARA" -> "S@2024-07-05T00:00:00Z R@2024-07-06T00:00:00Z";   // on time, returned
                case "MIIT" -> "S@2024-07-25T00:00:00Z R@2024-07-26T00:00:00Z";   // late, returned
                default -> "-";                                                   // the thirteen others: OVERDUE
            };
            cells.add(RULES.cell(agency, Q, fold(agency, events), now));
        }
        //        owed  reported (S, A)      submitted (ever)  on time (first S before deadline)
        // 2024-Q2  18   3: PBOC SASAC SAMR   5                 3: PBOC SAMR MARA
        assertThat(ComplianceRules.rates(cells, now)).isEqualTo(new ComplianceRules.Rates(18, 3,
                new BigDecimal("0.1667"), 5, 3, new BigDecimal("0.6000")));
        assertThat(cells.stream().filter(c -> c.state() == ComplianceState.OVERDUE)).hasSize(13);
        // Before the deadline nothing is counted yet.
        assertThat(ComplianceRules.rates(cells, Instant.parse("2024-07-15T15:59:59Z")))
                .isEqualTo(new ComplianceRules.Rates(0, 0, null, 0, 0, null));
    }

    @Test
    void everyAgencyOwesEveryQuarterWithThisCatalogueAndQuartersEndOnTheBeijingCalendar() {
        assertThat(RULES.agencies()).hasSize(18);
        assertThat(QUARTERS.all()).hasSize(20);
        assertThat(QUARTERS.endOf(Q).toInstant()).isEqualTo(Instant.parse("2024-06-30T16:00:00Z"));
        assertThat(RULES.deadline(Q)).isEqualTo(Instant.parse("2024-07-15T16:00:00Z"));
        assertThat(QUARTERS.quarterAt(Instant.parse("2024-06-30T16:00:00Z"))).isEqualTo(new ReportingPeriod(2024, 3));
        assertThat(QUARTERS.quarterAt(Instant.parse("2026-11-24T00:00:00Z"))).isEqualTo(new ReportingPeriod(2025, 4));
    }

    @Test
    void aStepRecordedBeforeTheLatestCountsForTimelinessButDoesNotRollTheStageBack() {
        UUID late = UUID.randomUUID();
        QuarterlyLifecycle update = QuarterlyLifecycle.NOT_STARTED
                .after(step(UUID.randomUUID(), LifecycleStep.Kind.SUBMITTED, "2024-07-20T00:00:00Z"))
                .after(step(late, LifecycleStep.Kind.ACCEPTED, "2024-07-21T00:00:00Z"))
                // arrives last, recorded first (its writer's commit failed, a projector caught up)
                .after(step(UUID.randomUUID(), LifecycleStep.Kind.SUBMITTED, "2024-07-10T00:00:00Z"));
        assertThat(update.stage()).isEqualTo(QuarterlyLifecycle.Stage.ACCEPTED);
        assertThat(update.lastEventId()).isEqualTo(late);
        assertThat(update.firstSubmittedAt()).isEqualTo(Instant.parse("2024-07-10T00:00:00Z"));
        assertThat(update.submittedAt()).isEqualTo(Instant.parse("2024-07-20T00:00:00Z"));
        assertThat(update.eventIds()).hasSize(3);
    }

    static QuarterlyLifecycle fold(String agency, String events) {
        if (events.trim().equals("-")) {
            return QuarterlyLifecycle.NOT_STARTED;
        }
        List<LifecycleStep> steps = new ArrayList<>();
        for (String step : events.trim().split("\\s+")) {
            LifecycleStep.Kind kind = switch (step.charAt(0)) {
                case 'S' -> LifecycleStep.Kind.SUBMITTED;
                case 'A' -> LifecycleStep.Kind.ACCEPTED;
                case 'R' -> LifecycleStep.Kind.RETURNED;
                default -> throw new IllegalArgumentException(step);
            };
            steps.add(new LifecycleStep(UUID.randomUUID(), agency, Q.toString(), kind, null, null, List.of(), null,
                    null, Instant.parse(step.substring(2)), steps.size() + 1));
        }
        return QuarterlyLifecycle.fold(steps);
    }

    private static LifecycleStep step(UUID id, LifecycleStep.Kind kind, String at) {
        return new LifecycleStep(id, "SAMR", Q.toString(), kind, null, null, List.of(), null, null, Instant.parse(at), 1);
    }
}
