package cn.gov.planwatch.contracts.access;

import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How the one access table reads: every method meets a rule, HEAD as GET, nothing falls through to "any caller". */
class ApiAccessPolicyTest {

    @Test
    void headIsHeldToTheGetRule() {
        assertThat(ApiAccessPolicy.decide("HEAD", "/api/v1/national-view"))
                .isEqualTo(new ApiAccessPolicy.Roles(Set.of("lead", "operator")));
        assertThat(ApiAccessPolicy.decide("HEAD", "/api/v1/reports/quarterly/2025-Q3"))
                .isEqualTo(new ApiAccessPolicy.Roles(Set.of("lead")));
    }

    @Test
    void aMethodNoRuleNamesIsNotAllowedAndSaysWhichAre() {
        assertThat(ApiAccessPolicy.decide("PUT", "/api/v1/indicators/IND-01/observations"))
                .isEqualTo(new ApiAccessPolicy.MethodNotAllowed(Set.of("POST", "GET", "HEAD")));
        for (String method : new String[] {"OPTIONS", "TRACE", "DELETE", "PATCH", "POST"}) {
            assertThat(ApiAccessPolicy.decide(method, "/api/v1/national-view")).as(method)
                    .isInstanceOf(ApiAccessPolicy.MethodNotAllowed.class);
        }
    }

    @Test
    void theLeadRolePublishesAndClosesPlansAndAnyRoleReadsThem() {
        Set<String> anyRole = Set.of("reporter", "lead", "operator");
        assertThat(ApiAccessPolicy.decide("PUT", "/api/v1/plans/demo-2026-2030"))
                .isEqualTo(new ApiAccessPolicy.Roles(Set.of("lead")));
        assertThat(ApiAccessPolicy.decide("POST", "/api/v1/plans/demo-2026-2030/close"))
                .isEqualTo(new ApiAccessPolicy.Roles(Set.of("lead")));
        assertThat(ApiAccessPolicy.decide("GET", "/api/v1/plans")).isEqualTo(new ApiAccessPolicy.Roles(anyRole));
        assertThat(ApiAccessPolicy.decide("GET", "/api/v1/plans/demo-2026-2030"))
                .isEqualTo(new ApiAccessPolicy.Roles(anyRole));
        assertThat(ApiAccessPolicy.decide("DELETE", "/api/v1/plans/demo-2026-2030"))
                .isEqualTo(new ApiAccessPolicy.MethodNotAllowed(Set.of("PUT", "GET", "HEAD")));
        assertThat(ApiAccessPolicy.decide("PUT", "/api/v1/plans")).isInstanceOf(ApiAccessPolicy.MethodNotAllowed.class);
    }

    @Test
    void whatNestsUnderAPlanMeetsTheRulesOfItsUnscopedPath() {
        String[][] twins = {
                {"POST", "/api/v1/indicators/IND-01/observations", "/api/v1/plans/gi-2026-2030/indicators/IND-01/observations"},
                {"POST", "/api/v1/programmes/p-1/progress", "/api/v1/plans/gi-2026-2030/programmes/p-1/progress"},
                {"POST", "/api/v1/quarterly-updates", "/api/v1/plans/gi-2026-2030/quarterly-updates"},
                {"POST", "/api/v1/quarterly-updates/SAMR/2026-Q3/accept",
                        "/api/v1/plans/gi-2026-2030/quarterly-updates/SAMR/2026-Q3/accept"},
                {"POST", "/api/v1/quarterly-updates/SAMR/2026-Q3/return",
                        "/api/v1/plans/gi-2026-2030/quarterly-updates/SAMR/2026-Q3/return"},
                {"GET", "/api/v1/national-view", "/api/v1/plans/gi-2026-2030/national-view"},
                {"GET", "/api/v1/reports/quarterly/2026-Q3", "/api/v1/plans/gi-2026-2030/reports/quarterly/2026-Q3"},
                {"GET", "/api/v1/programmes/p-1", "/api/v1/plans/gi-2026-2030/programmes/p-1"}};
        for (String[] twin : twins) {
            assertThat(ApiAccessPolicy.decide(twin[0], twin[2])).as(twin[2])
                    .isEqualTo(ApiAccessPolicy.decide(twin[0], twin[1]));
        }
        assertThat(ApiAccessPolicy.decide("GET", "/api/v1/plans/gi-2026-2030/evaluation"))
                .isEqualTo(new ApiAccessPolicy.Roles(Set.of("lead", "operator")));
        assertThat(ApiAccessPolicy.decide("POST", "/api/v1/plans/gi-2026-2030/national-view"))
                .isInstanceOf(ApiAccessPolicy.MethodNotAllowed.class);
    }

    @Test
    void theOperatorsConsoleIsTheOperatorsAndTheRestOfTheDashboardTheLeadAgencys() {
        var operator = new ApiAccessPolicy.Roles(Set.of(ApiAccessPolicy.OPERATOR));
        assertThat(ApiAccessPolicy.decide("GET", "/dashboard/ops")).isEqualTo(operator);
        assertThat(ApiAccessPolicy.decide("GET", "/dashboard/ops/dead-letters/c481a00d-7508-3761-823f-5269319bc740"))
                .isEqualTo(operator);
        assertThat(ApiAccessPolicy.decide("POST", "/dashboard/ops/dead-letters/c481a00d-7508-3761-823f-5269319bc740/replay"))
                .isEqualTo(operator);
        assertThat(ApiAccessPolicy.decide("POST", "/dashboard/ops/rebuild/observations")).isEqualTo(operator);
        assertThat(ApiAccessPolicy.decide("GET", "/dashboard/evaluation"))
                .isEqualTo(new ApiAccessPolicy.Roles(Set.of(ApiAccessPolicy.LEAD)));
        assertThat(ApiAccessPolicy.decide("POST", "/dashboard/evaluation"))
                .isInstanceOf(ApiAccessPolicy.MethodNotAllowed.class);
        assertThat(ApiAccessPolicy.decide("GET", "/dashboard/opsX")).as("a literal segment, not a prefix")
                .isEqualTo(new ApiAccessPolicy.Roles(Set.of(ApiAccessPolicy.LEAD)));
    }

    @Test
    void theLeadAgencyAcceptsOrReturnsAQuarterlyUpdateFromTheReviewPagesAndPostsNothingElseThere() {
        var lead = new ApiAccessPolicy.Roles(Set.of(ApiAccessPolicy.LEAD));
        for (String path : new String[] {"/dashboard/review/SAMR/2025-Q3/accept",
                "/dashboard/review/SAMR/2025-Q3/return",
                "/dashboard/plans/gi-2026-2030/review/SAMR/2026-Q3/accept",
                "/dashboard/plans/gi-2026-2030/review/SAMR/2026-Q3/return"}) {
            assertThat(ApiAccessPolicy.decide("POST", path)).as(path).isEqualTo(lead);
        }
        assertThat(ApiAccessPolicy.decide("GET", "/dashboard/plans/gi-2026-2030/review")).isEqualTo(lead);
        assertThat(ApiAccessPolicy.decide("GET", "/dashboard/plans/gi-2026-2030/review/SAMR/2026-Q3")).isEqualTo(lead);
        assertThat(ApiAccessPolicy.decide("POST", "/dashboard/plans/gi-2026-2030/review/SAMR/2026-Q3"))
                .isInstanceOf(ApiAccessPolicy.MethodNotAllowed.class);
        assertThat(ApiAccessPolicy.decide("POST", "/dashboard/review/SAMR/2025-Q3/delete"))
                .isInstanceOf(ApiAccessPolicy.MethodNotAllowed.class);
    }

    @Test
    void aMinistrysDeskIsItsReportersInEveryPlan() {
        var reporter = new ApiAccessPolicy.Roles(Set.of(ApiAccessPolicy.REPORTER));
        for (String path : new String[] {"/dashboard/desk", "/dashboard/plans/ip-2021-2025/desk"}) {
            assertThat(ApiAccessPolicy.decide("GET", path)).as(path).isEqualTo(reporter);
            assertThat(ApiAccessPolicy.decide("HEAD", path)).as(path).isEqualTo(reporter);
            assertThat(ApiAccessPolicy.decide("POST", path + "/quarter")).as(path).isEqualTo(reporter);
            assertThat(ApiAccessPolicy.decide("POST", path + "/indicators/IND-01")).as(path).isEqualTo(reporter);
            assertThat(ApiAccessPolicy.decide("POST", path + "/programmes/trade-secrets/progress")).as(path)
                    .isEqualTo(reporter);
            assertThat(ApiAccessPolicy.decide("DELETE", path)).as(path)
                    .isInstanceOf(ApiAccessPolicy.MethodNotAllowed.class);
        }
        assertThat(ApiAccessPolicy.decide("GET", "/dashboard/plans/ip-2021-2025"))
                .as("the rest of a plan's dashboard stays the lead agency's")
                .isEqualTo(new ApiAccessPolicy.Roles(Set.of(ApiAccessPolicy.LEAD)));
        assertThat(ApiAccessPolicy.decide("GET", "/dashboard/deskX")).as("a literal segment, not a prefix")
                .isEqualTo(new ApiAccessPolicy.Roles(Set.of(ApiAccessPolicy.LEAD)));
    }

    @Test
    void aPathNoRuleCoversIsNoOnesToCall() {
        assertThat(ApiAccessPolicy.decide("GET", "/api/v1/no-such-resource")).isEqualTo(new ApiAccessPolicy.NoRule());
        assertThat(ApiAccessPolicy.decide("GET", "/api/v1/indicatorsX")).isEqualTo(new ApiAccessPolicy.NoRule());
    }

    @Test
    void onlyHealthOfTheActuatorIsAnonymous() {
        assertThat(ApiAccessPolicy.decide("GET", "/actuator/health")).isEqualTo(new ApiAccessPolicy.Public());
        assertThat(ApiAccessPolicy.decide("GET", "/actuator/health/readiness")).isEqualTo(new ApiAccessPolicy.Public());
        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/info", "/actuator"}) {
            assertThat(ApiAccessPolicy.decide("GET", path)).as(path)
                    .isEqualTo(new ApiAccessPolicy.Roles(Set.of("operator")));
        }
    }

    @Test
    void theFirstRuleNamingTheMethodDecides() {
        assertThat(ApiAccessPolicy.decide("POST", "/api/v1/quarterly-updates/CNIPA/2025-Q3/accept"))
                .isEqualTo(new ApiAccessPolicy.Roles(Set.of("lead")));
        assertThat(ApiAccessPolicy.decide("GET", "/api/v1/quarterly-updates/CNIPA/2025-Q3/accept"))
                .isEqualTo(new ApiAccessPolicy.Roles(Set.of("reporter", "lead", "operator")));
        assertThat(ApiAccessPolicy.decide("GET", "/api/v1/indicators")).isEqualTo(ApiAccessPolicy.decide("GET",
                "/api/v1/indicators/IND-01/observations"));
    }

    @Test
    void aWildcardSegmentIsNeverEmptyAndPatternsStayWithinWhatTheMatcherReads() {
        assertThat(ApiAccessPolicy.decide("POST", "/api/v1/indicators//observations"))
                .isNotInstanceOf(ApiAccessPolicy.Roles.class);
        assertThatThrownBy(() -> new ApiAccessPolicy.Rule("GET", "/api/v1/{code}", Set.of("lead")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ApiAccessPolicy.Rule("GET", "/api/**/x", Set.of("lead")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
