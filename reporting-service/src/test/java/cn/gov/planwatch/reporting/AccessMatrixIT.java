package cn.gov.planwatch.reporting;

import cn.gov.planwatch.testsupport.AccessMatrix;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.MappedRouteMatrix;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract's access rules for every endpoint this service serves, called directly (as if bypassing the gateway). */
class AccessMatrixIT extends ServiceFixture {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @TestFactory
    Stream<DynamicTest> everyCallerGetsTheAnswerTheContractPromises() {
        return AccessMatrix.of("reporting-service", http());
    }

    /** No dead letter has this id, so an operator's replay call changes nothing. */
    @TestFactory
    Stream<DynamicTest> everyMappedRouteMethodAndCallerMeetsThePolicy() {
        return MappedRouteMatrix.of(mapping, http(),
                new MappedRouteMatrix.Samples("CNIPA", "MOE", Map.ofEntries(Map.entry("quarter", "2025-Q3"),
                        Map.entry("id", "00000000-0000-0000-0000-000000000000"),
                        Map.entry("figure", "compliance:overall"), Map.entry("part", "2025-Q3"),
                        Map.entry("plan", "ip-2021-2025"), Map.entry("format", "csv"), Map.entry("agency", "SAMR"),
                        Map.entry("code", "IND-01"), Map.entry("slug", "trade-secrets"),
                        Map.entry("name", "no-such-projection")), Map.of(), Set.of()));
    }

    @Test
    void aReportersHeadOfTheNationalViewIsRefusedAsItsGetIs() {
        HttpCalls reporter = http().withToken(TestTokens.shared().reporter("SAMR"));

        assertThat(reporter.call("HEAD", "/api/v1/national-view", null, Map.of()).statusCode()).isEqualTo(403);
        assertThat(reporter.get("/api/v1/national-view").statusCode()).isEqualTo(403);
    }

    @Test
    void aReportersHeadOfTheQuarterlyWorkbookIsRefusedBeforeTheWorkbookIsMade() {
        HttpCalls http = http();
        Map<String, String> xlsx = Map.of("Accept", XLSX);

        HttpResponse<String> reporter = http.withToken(TestTokens.shared().reporter("CNIPA"))
                .call("HEAD", "/api/v1/reports/quarterly/2025-Q3", null, xlsx);
        HttpResponse<String> lead = http.withToken(TestTokens.shared().lead())
                .call("HEAD", "/api/v1/reports/quarterly/2025-Q3", null, xlsx);

        assertThat(reporter.statusCode()).isEqualTo(403);
        assertThat(reporter.headers().firstValue("Content-Type").orElse("")).doesNotContain("spreadsheetml");
        assertThat(lead.statusCode()).isEqualTo(200);
        assertThat(lead.headers().firstValue("Content-Type").orElse("")).startsWith(XLSX);
    }

    @Test
    void metricsAreTheOperatorsAndHealthIsAnyones() {
        HttpCalls http = http();
        TestTokens tokens = TestTokens.shared();

        for (String path : new String[] {"/actuator/prometheus", "/actuator/metrics", "/actuator/info"}) {
            assertThat(http.get(path).statusCode()).as(path).isEqualTo(401);
            assertThat(http.withToken(tokens.lead()).get(path).statusCode()).as(path).isEqualTo(403);
            assertThat(http.withToken(tokens.operator()).get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(http.get("/actuator/health").statusCode()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").statusCode()).isEqualTo(200);
    }
}
