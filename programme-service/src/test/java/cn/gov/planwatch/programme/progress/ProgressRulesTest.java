package cn.gov.planwatch.programme.progress;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.problem.ProblemException;
import cn.gov.planwatch.programme.ApiAnswers;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressRulesTest {

    private static final PlanCatalogue CATALOGUE = PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION);
    private final ProgressRules rules = new ProgressRules(CATALOGUE, new PlanCalendar(CATALOGUE.plan(),
            ZoneId.of("Asia/Shanghai"), Clock.fixed(Instant.parse("2025-08-01T00:00:00Z"), ZoneOffset.UTC)));
    private static final Caller SAMR = new Caller("samr-reporter", "SAMR", Set.of("reporter"), null);

    @Test
    void aParticipatingAgencyMayReportItsMeasuresAndMilestones() {
        assertThat(rules.check(SAMR, rules.programme("geographical-indications"), request("2025-Q3", "ON_TRACK", 60,
                List.of(new ProgressRequest.MeasureEntry("gi-special-action", "AT_RISK", "示范区建设滞后")),
                List.of(new ProgressRequest.MilestoneEntry("gi-demo-zones", new BigDecimal("37"))))))
                .hasToString("2025-Q3");
    }

    @Test
    void refusalsNameTheirField() {
        var gi = rules.programme("geographical-indications");
        assertProblem(() -> rules.check(new Caller("moe", "MOE", Set.of("reporter"), null), gi,
                request("2025-Q3", "ON_TRACK", 60, List.of(), List.of())), 403, null);
        assertProblem(() -> rules.programme("space-race"), 404, null);
        assertProblem(() -> rules.check(SAMR, gi, request("2025-3", "ON_TRACK", 60, List.of(), List.of())), 400,
                "quarter");
        assertProblem(() -> rules.check(SAMR, gi, request("2025-Q4", "ON_TRACK", 60, List.of(), List.of())), 422,
                "quarter");
        assertProblem(() -> rules.check(SAMR, gi, request("2020-Q4", "ON_TRACK", 60, List.of(), List.of())), 422,
                "quarter");
        assertProblem(() -> rules.check(SAMR, gi, request("2025-Q3", "FINE", 60, List.of(), List.of())), 400,
                "status");
        assertProblem(() -> rules.check(SAMR, gi, request("2025-Q3", "ON_TRACK", 101, List.of(), List.of())), 422,
                "percentComplete");
        assertProblem(() -> rules.check(SAMR, gi, request("2025-Q3", "ON_TRACK", 60, List.of(
                new ProgressRequest.MeasureEntry("gi-special-action", "ON_TRACK", null),
                new ProgressRequest.MeasureEntry("policy", "ON_TRACK", null)), List.of())), 422, "measures[1].code");
        assertProblem(() -> rules.check(SAMR, gi, request("2025-Q3", "ON_TRACK", 60, List.of(
                new ProgressRequest.MeasureEntry("gi-special-action", "SLOW", null)), List.of())), 400,
                "measures[0].status");
        assertProblem(() -> rules.check(SAMR, gi, request("2025-Q3", "ON_TRACK", 60, List.of(), List.of(
                new ProgressRequest.MilestoneEntry("gi-demo-zones", new BigDecimal("-1"))))), 422,
                "milestones[0].value");
        assertProblem(() -> rules.check(SAMR, gi, request("2025-Q3", "ON_TRACK", 60, List.of(), List.of(
                new ProgressRequest.MilestoneEntry("zones", BigDecimal.ONE)))), 422, "milestones[0].code");
        assertProblem(() -> rules.check(SAMR, gi, new ProgressRequest("2025-Q3", "ON_TRACK", BigDecimal.valueOf(60), "a\u0007b", null,
                List.of(), List.of())), 400, "summary");
    }

    @Test
    void absurdNumbersAreRefusedNamingTheirField() {
        var gi = rules.programme("geographical-indications");
        for (String absurd : List.of("1E-10000", "1E+10000", "37." + "1".repeat(78))) {
            assertProblem(() -> rules.check(SAMR, gi, request("2025-Q3", "ON_TRACK", 60, List.of(), List.of(
                    new ProgressRequest.MilestoneEntry("gi-demo-zones", new BigDecimal(absurd))))), 422,
                    "milestones[0].value");
            assertProblem(() -> rules.check(SAMR, gi, new ProgressRequest("2025-Q3", "ON_TRACK",
                    new BigDecimal(absurd), null, null, List.of(), List.of())), 422, "percentComplete");
        }
        assertProblem(() -> rules.check(SAMR, gi, new ProgressRequest("2025-Q3", "ON_TRACK", new BigDecimal("60.5"),
                null, null, List.of(), List.of())), 400, "percentComplete");
        assertThat(rules.check(SAMR, gi, new ProgressRequest("2025-Q3", "ON_TRACK", new BigDecimal("60.0"), null,
                null, List.of(), List.of()))).hasToString("2025-Q3");
    }

    private static ProgressRequest request(String quarter, String status, int percent,
            List<ProgressRequest.MeasureEntry> measures, List<ProgressRequest.MilestoneEntry> milestones) {
        return new ProgressRequest(quarter, status, BigDecimal.valueOf(percent), "进展顺利", null, measures, milestones);
    }

    private static void assertProblem(ThrowingCallable call, int status, String field) {
        ProblemException problem = ApiAnswers.refusal(call);
        assertThat(problem.status().value()).isEqualTo(status);
        if (field != null) {
            assertThat(problem.errors()).extracting(error -> error.field()).containsExactly(field);
        }
    }
}
