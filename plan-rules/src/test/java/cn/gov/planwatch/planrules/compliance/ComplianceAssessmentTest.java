package cn.gov.planwatch.planrules.compliance;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.planrules.lifecycle.LifecycleEvent;
import cn.gov.planwatch.planrules.lifecycle.QuarterlyUpdate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * States and rates against hand-made tables. Quarter 2024-Q2 ends 2024-07-01T00:00+08:00 (= 2024-06-30T16:00Z); with
 * 15 days' grace its deadline is 2024-07-15T16:00Z.
 */
class ComplianceAssessmentTest {

    private static final PlanCatalogue CATALOGUE = PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION);
    private static final QuarterlyObligations OBLIGATIONS = new QuarterlyObligations(CATALOGUE,
            PlanCalendar.of(CATALOGUE.plan(), ZoneId.of("Asia/Shanghai"), Clock.systemUTC()), Period.ofDays(15));
    private static final ComplianceAssessment ASSESSMENT = new ComplianceAssessment(OBLIGATIONS);
    private static final ReportingPeriod Q = new ReportingPeriod(2024, 2);

    /** events: S@time = submitted, A@time = accepted, R@time = returned, separated by spaces; "-" = none. */
    @ParameterizedTest(name = "given {0}, at {1} → {2}")
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
    void givenAnUpdatesStepsWhenAssessedAtAnInstantThenItsStateFollowsTheStepsAndTheClock(String events, String now,
            ComplianceState expected) {
        Obligation owed = OBLIGATIONS.owed("SAMR", Q).orElseThrow();

        assertThat(ComplianceAssessment.state(owed, fold("SAMR", events), Instant.parse(now))).isEqualTo(expected);
        assertThat(ASSESSMENT.cell(owed, fold("SAMR", events), Instant.parse(now)).state()).isEqualTo(expected);
    }

    @Test
    void givenAScriptedQuarterWhenTheMatrixIsDrawnThenItsRatesMatchAHandMadeTable() {
        Instant now = Instant.parse("2024-08-01T00:00:00Z");

        ComplianceAssessment.ComplianceMatrix matrix = ASSESSMENT.matrix(scriptedQuarter(), now);

        ComplianceAssessment.QuarterCompliance quarter = matrix.byQuarter().stream()
                .filter(q -> q.quarter().equals("2024-Q2")).findFirst().orElseThrow();
        //        owed  reported (S, A)  submitted (ever)  on time (first S before deadline)
        // 2024-Q2  18   3: PBOC SASAC SAMR  5               3: PBOC SAMR MARA
        assertThat(quarter.rates()).isEqualTo(new ComplianceAssessment.Rates(18, 3, new BigDecimal("0.1667"), 5, 3,
                new BigDecimal("0.6000")));
        assertThat(quarter.pastDeadline()).isTrue();
        assertThat(quarter.states()).containsEntry(ComplianceState.SUBMITTED_ON_TIME, 1)
                .containsEntry(ComplianceState.SUBMITTED_LATE, 1).containsEntry(ComplianceState.ACCEPTED, 1)
                .containsEntry(ComplianceState.RETURNED, 2).containsEntry(ComplianceState.OVERDUE, 13);
        assertThat(state(matrix, "CBIRC", "2024-Q2")).isEqualTo(ComplianceState.OVERDUE);
        assertThat(state(matrix, "PBOC", "2024-Q3")).isEqualTo(ComplianceState.NOT_DUE);
        assertThat(matrix.gracePeriod()).isEqualTo("P15D");
        assertThat(matrix.quarters()).hasSize(20);

        // Per agency, over the 14 quarters past their deadline (2021-Q1 … 2024-Q2):
        ComplianceAssessment.AgencyCompliance pboc = agency(matrix, "PBOC");
        assertThat(pboc.rates()).isEqualTo(new ComplianceAssessment.Rates(14, 1, new BigDecimal("0.0714"), 1, 1,
                new BigDecimal("1.0000")));
        assertThat(agency(matrix, "CBIRC").rates()).isEqualTo(new ComplianceAssessment.Rates(14, 0,
                new BigDecimal("0.0000"), 0, 0, null));
        assertThat(pboc.quarters()).hasSize(20);
        // Quarters not past their deadline are not counted yet.
        assertThat(matrix.byQuarter().get(19).rates()).isEqualTo(new ComplianceAssessment.Rates(0, 0, null, 0, 0,
                null));
        assertThat(matrix.overall().owed()).isEqualTo(18 * 14);
    }

    @Test
    void givenALastQuarterWhenTheMatrixIsDrawnThenItShowsEveryOwingAgencyUpToThatQuarterOnly() {
        Instant now = Instant.parse("2024-08-01T00:00:00Z");

        ComplianceAssessment.ComplianceMatrix matrix = ASSESSMENT.matrix(scriptedQuarter(), now, Q);

        assertThat(matrix.quarters()).hasSize(14).last().isEqualTo("2024-Q2");
        assertThat(matrix.agencies()).hasSize(18);
        assertThat(agency(matrix, "PBOC").quarters()).hasSize(14);
        assertThat(matrix.byQuarter()).hasSize(14);
        assertThat(matrix.overall().owed()).isEqualTo(18 * 14);
    }

    @Test
    void givenCellsWhoseDeadlineHasNotPassedWhenRatedThenNothingIsCountedYet() {
        Instant beforeDeadline = Instant.parse("2024-07-15T15:59:59Z");
        List<ComplianceAssessment.Cell> cells = ASSESSMENT.matrix(scriptedQuarter(), Instant.parse(
                "2024-08-01T00:00:00Z"), Q).agencies().stream()
                .flatMap(a -> a.quarters().stream()).filter(c -> c.quarter().equals(Q.toString())).toList();

        assertThat(ComplianceAssessment.rates(cells, beforeDeadline))
                .isEqualTo(new ComplianceAssessment.Rates(0, 0, null, 0, 0, null));
    }

    @Test
    void givenOneAgencysUpdatesWhenAssessedThenEachOfItsQuartersHasACellWithItsReviewAndEvent() {
        Instant now = Instant.parse("2024-08-01T00:00:00Z");
        QuarterlyUpdate samr = fold("SAMR", "S@2024-07-01T00:00:00Z A@2024-07-02T00:00:00Z");

        ComplianceAssessment.AgencyCompliance compliance = ASSESSMENT.agency("SAMR", List.of(samr), now);

        ComplianceAssessment.Cell cell = compliance.quarters().stream().filter(c -> c.quarter().equals("2024-Q2"))
                .findFirst().orElseThrow();
        assertThat(cell.state()).isEqualTo(ComplianceState.ACCEPTED);
        assertThat(cell.onTime()).isTrue();
        assertThat(cell.deadline()).isEqualTo(Instant.parse("2024-07-15T16:00:00Z"));
        assertThat(cell.review().outcome()).isEqualTo("ACCEPTED");
        assertThat(cell.eventId()).isEqualTo(samr.lastEventId());
        assertThat(compliance.quarters()).hasSize(20);
    }

    private static List<QuarterlyUpdate> scriptedQuarter() {
        return List.of(
                fold("PBOC", "S@2024-07-10T00:00:00Z"),                          // on time
                fold("SASAC", "S@2024-07-20T00:00:00Z"),                         // late
                fold("SAMR", "S@2024-07-01T00:00:00Z A@2024-07-02T00:00:00Z"),   // on time, accepted
                fold("MARA", "S@2024-07-05T00:00:00Z R@2024-07-06T00:00:00Z"),   // on time, returned
                fold("MIIT", "S@2024-07-25T00:00:00Z R@2024-07-26T00:00:00Z"));  // late, returned
        // CBIRC and the twelve others: nothing, so OVERDUE.
    }

    private static ComplianceAssessment.AgencyCompliance agency(ComplianceAssessment.ComplianceMatrix matrix,
            String agency) {
        return matrix.agencies().stream().filter(a -> a.agency().equals(agency)).findFirst().orElseThrow();
    }

    private static ComplianceState state(ComplianceAssessment.ComplianceMatrix matrix, String agency, String quarter) {
        return agency(matrix, agency).quarters().stream().filter(c -> c.quarter().equals(quarter)).findFirst()
                .orElseThrow().state();
    }

    /** Null for "-": an update nothing has happened to. */
    static QuarterlyUpdate fold(String agency, String events) {
        if (events.trim().equals("-")) {
            return null;
        }
        List<LifecycleEvent> steps = new ArrayList<>();
        for (String step : events.trim().split("\\s+")) {
            Instant at = Instant.parse(step.substring(2));
            steps.add(switch (step.charAt(0)) {
                case 'S' -> new LifecycleEvent(LifecycleEvent.Kind.SUBMITTED, UUID.randomUUID(), at, null, null, null);
                case 'A' -> new LifecycleEvent(LifecycleEvent.Kind.ACCEPTED, UUID.randomUUID(), at, "CNIPA", null,
                        null);
                case 'R' -> new LifecycleEvent(LifecycleEvent.Kind.RETURNED, UUID.randomUUID(), at, "CNIPA", "补充",
                        List.of("IND-03"));
                default -> throw new IllegalArgumentException(step);
            });
        }
        return QuarterlyUpdate.fold(agency, Q.toString(), steps);
    }
}
