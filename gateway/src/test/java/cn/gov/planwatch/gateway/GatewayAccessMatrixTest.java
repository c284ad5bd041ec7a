package cn.gov.planwatch.gateway;

import cn.gov.planwatch.contracts.access.ApiAccessPolicy;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import static cn.gov.planwatch.gateway.GatewaySecurityTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's access matrix, generated from {@link ApiAccessPolicy}: a path for every rule (and for what no rule
 * covers) × every method × every kind of caller. A call the policy refuses (401, 403, 404 where no rule covers the
 * path, 405) never reaches a service; one it allows is routed (or answered by the gateway itself). That the rules cover every route the services map is each service's
 * own access matrix's to prove.
 */
class GatewayAccessMatrixTest extends GatewayTestBase {

    static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE");
    static final Set<String> UNSAFE = Set.of("POST", "PUT", "PATCH", "DELETE");
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A kind of caller: its agency and role, none for a call without a token. */
    record Caller(String name, String agency, String role) {
    }

    static final List<Caller> CALLERS = List.of(new Caller("no token", null, null),
            new Caller("reporter of CNIPA", "CNIPA", ApiAccessPolicy.REPORTER),
            new Caller("reporter of MOE", "MOE", ApiAccessPolicy.REPORTER),
            new Caller("lead of CNIPA, the plan's lead agency", "CNIPA", ApiAccessPolicy.LEAD),
            new Caller("lead of MOE", "MOE", ApiAccessPolicy.LEAD),
            new Caller("operator", "CNIPA", ApiAccessPolicy.OPERATOR));

    /** One path per rule ({@code *} and {@code **} filled in, and {@code **} also empty), and paths no rule covers. */
    static Set<String> samplePaths() {
        Set<String> paths = new LinkedHashSet<>();
        for (ApiAccessPolicy.Rule rule : ApiAccessPolicy.RULES) {
            // With the dashboard login off, "/" is the login's to answer (503), not the policy's.
            if (rule.pattern().equals("/")) {
                continue;
            }
            String filled = rule.pattern().replace("/**", "/sample/more").replace("*", "sample");
            paths.add(filled);
            if (rule.pattern().endsWith("/**")) {
                paths.add(rule.pattern().substring(0, rule.pattern().length() - 3));
            }
        }
        paths.add("/api/v1/no-such-resource");
        paths.add("/api/v2/indicators");
        return paths;
    }

    @TestFactory
    Stream<DynamicTest> everyPathMethodAndCallerMeetsThePolicyBeforeAnythingIsRouted() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<DynamicTest> tests = new ArrayList<>();
        for (String path : samplePaths()) {
            for (String method : METHODS) {
                for (Caller caller : CALLERS) {
                    // A client of its own per caller and run, so that the matrix spends no other test's rate limit.
                    String token = caller.role() == null ? null
                            : ISSUER.token("matrix-" + run + "-" + caller.agency() + "-" + caller.role(),
                                    caller.agency(), caller.role());
                    String name = method + " " + path + " as " + caller.name();
                    tests.add(DynamicTest.dynamicTest(name, () -> {
                        String marker = UUID.randomUUID().toString();
                        HttpRequest.Builder request = request(path + "?probe=" + marker)
                                .method(method, HttpRequest.BodyPublishers.noBody());
                        if (token != null) {
                            request.header("Authorization", "Bearer " + token);
                        }
                        // A TRACE goes on a connection of its own: after the firewall's refusal, the JDK client
                        // does not get an answer to the next request sent on the same connection.
                        HttpResponse<String> response = method.equals("TRACE")
                                ? HttpClient.newHttpClient().send(request.build(), BodyHandlers.ofString())
                                : send(request);
                        String what = name + " answered " + response.statusCode() + ": " + response.body();
                        ApiAccessPolicy.Access access = ApiAccessPolicy.decide(method, path);
                        boolean allowed = token != null && !method.equals("TRACE")
                                && access instanceof ApiAccessPolicy.Roles roles && roles.roles().contains(caller.role());
                        if (method.equals("TRACE")) {
                            // Spring Security's firewall refuses TRACE before anyone's credentials are looked at.
                            assertThat(response.statusCode()).as(what).isEqualTo(405);
                        } else if (!path.startsWith("/api/") && UNSAFE.contains(method)) {
                            // Outside the API a state-changing call is a browser's: its CSRF check comes first.
                            assertProblem(response, 403, "csrf");
                        } else if (token == null) {
                            assertThat(response.statusCode()).as(what).isEqualTo(401);
                        } else if (access instanceof ApiAccessPolicy.MethodNotAllowed notAllowed) {
                            assertThat(response.statusCode()).as(what).isEqualTo(405);
                            assertThat(response.headers().firstValue("Allow"))
                                    .hasValue(String.join(", ", notAllowed.allowed()));
                        } else if (allowed) {
                            assertThat(response.statusCode()).as(what).isNotIn(401, 403, 405).isLessThan(500);
                        } else if (access instanceof ApiAccessPolicy.NoRule) {
                            assertThat(response.statusCode()).as(what).isEqualTo(404);
                        } else {
                            assertThat(response.statusCode()).as(what).isEqualTo(403);
                        }
                        if (response.statusCode() >= 400 && !method.equals("HEAD")) {
                            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
                                    .startsWith("application/problem+json");
                        }
                        if (!allowed) {
                            assertThat(SERVICES.sawAnything(marker)).as(what + ": reached a service").isEmpty();
                        }
                    }));
                }
            }
        }
        return tests.stream();
    }

    @Test
    void aReportersHeadOfTheNationalViewIsRefusedAsItsGetIsAndReachesNoService() throws Exception {
        String marker = UUID.randomUUID().toString();
        String reporter = ISSUER.reporter("SAMR");

        assertProblem(send(request("/api/v1/national-view?probe=" + marker, reporter).GET()), 403, "forbidden");
        HttpResponse<String> head = send(request("/api/v1/national-view?probe=" + marker, reporter)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));

        assertThat(head.statusCode()).isEqualTo(403);
        assertThat(SERVICES.sawAnything(marker)).isEmpty();
    }

    @Test
    void aReportersHeadOfTheQuarterlyWorkbookIsRefusedAndTheLeadsIsRouted() throws Exception {
        String marker = UUID.randomUUID().toString();
        String path = "/api/v1/reports/quarterly/2025-Q3?probe=" + marker;

        HttpResponse<String> reporter = send(request(path, ISSUER.reporter("CNIPA")).header("Accept", XLSX)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(reporter.statusCode()).isEqualTo(403);
        assertThat(SERVICES.sawAnything(marker)).isEmpty();

        HttpResponse<String> lead = send(request(path, ISSUER.lead()).header("Accept", XLSX)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()));
        assertThat(lead.statusCode()).isEqualTo(200);
        assertThat(SERVICES.received(marker)).extracting(ServiceStandIn.Received::method).containsExactly("HEAD");
    }

    @Test
    void aMethodNoRuleNamesIs405WithTheMethodsThatAreAllowed() throws Exception {
        HttpResponse<String> response = send(request("/api/v1/indicators/IND-01/observations", ISSUER.reporter("CNIPA"))
                .method("PUT", HttpRequest.BodyPublishers.ofString("{}")));

        assertProblem(response, 405, "http-405");
        assertThat(response.headers().firstValue("Allow")).hasValue("POST, GET, HEAD");
    }
}
