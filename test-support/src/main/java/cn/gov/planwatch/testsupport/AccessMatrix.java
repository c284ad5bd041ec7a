package cn.gov.planwatch.testsupport;

import org.junit.jupiter.api.DynamicTest;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the public contract × every kind of caller, with the answer each must get —
 * written out by hand from the contract (not derived from the production rules, so it can catch them).
 * Each service runs the rows it serves. Add a row with every endpoint.
 */
public final class AccessMatrix {

    /** {@code OTHER_LEAD} holds the lead role for an agency that does not lead the plan. */
    public enum Caller {
        NO_TOKEN, EXPIRED, FOREIGN_ISSUER, RESPONSIBLE_REPORTER, OTHER_REPORTER, OTHER_LEAD, LEAD, OPERATOR
    }

    private static final Set<Caller> ANY_ROLE = EnumSet.of(Caller.RESPONSIBLE_REPORTER, Caller.OTHER_REPORTER,
            Caller.OTHER_LEAD, Caller.LEAD, Caller.OPERATOR);
    private static final Set<Caller> ANY_LEAD = EnumSet.of(Caller.OTHER_LEAD, Caller.LEAD);
    private static final Set<Caller> LEAD_OR_OPERATOR = EnumSet.of(Caller.OTHER_LEAD, Caller.LEAD, Caller.OPERATOR);

    /**
     * @param responsibleAgency the agency whose reporter owns the item (others are OTHER_REPORTER)
     * @param allowed           callers that pass access control; every other caller with a valid token gets 403
     */
    public record Endpoint(String service, String method, String path, String body, String responsibleAgency,
            Set<Caller> allowed) {
    }

    public static final List<Endpoint> CONTRACT = List.of(
            new Endpoint("indicator-service", "GET", "/api/v1/indicators", null, "CNIPA", ANY_ROLE),
            new Endpoint("indicator-service", "GET", "/api/v1/indicators/IND-01", null, "CNIPA", ANY_ROLE),
            new Endpoint("indicator-service", "GET", "/api/v1/indicators/IND-01/observations", null, "CNIPA",
                    ANY_ROLE),
            new Endpoint("indicator-service", "POST", "/api/v1/indicators/IND-01/observations",
                    "{\"period\":\"2022\",\"value\":9.4}", "CNIPA", EnumSet.of(Caller.RESPONSIBLE_REPORTER)),
            new Endpoint("indicator-service", "POST", "/api/v1/indicators/IND-06/observations",
                    "{\"period\":\"2022\",\"value\":7.41}", "CPD", EnumSet.of(Caller.RESPONSIBLE_REPORTER)),
            // The same resources of a named plan: the roles of their unscoped twins.
            new Endpoint("indicator-service", "GET", "/api/v1/plans/ip-2021-2025/indicators", null, "CNIPA", ANY_ROLE),
            new Endpoint("indicator-service", "GET", "/api/v1/plans/ip-2021-2025/indicators/IND-01/observations", null,
                    "CNIPA", ANY_ROLE),
            new Endpoint("indicator-service", "POST", "/api/v1/plans/ip-2021-2025/indicators/IND-01/observations",
                    "{\"period\":\"2022\",\"value\":9.4}", "CNIPA", EnumSet.of(Caller.RESPONSIBLE_REPORTER)),
            new Endpoint("programme-service", "GET", "/api/v1/agencies", null, "CNIPA", ANY_ROLE),
            new Endpoint("programme-service", "GET", "/api/v1/plans", null, "CNIPA", ANY_ROLE),
            new Endpoint("programme-service", "GET", "/api/v1/plans/ip-2021-2025", null, "CNIPA", ANY_ROLE),
            new Endpoint("programme-service", "GET", "/api/v1/programmes", null, "SAMR", ANY_ROLE),
            new Endpoint("programme-service", "GET", "/api/v1/programmes/trade-secrets", null, "SAMR", ANY_ROLE),
            new Endpoint("reporting-service", "GET", "/api/v1/national-view", null, "CNIPA", LEAD_OR_OPERATOR),
            new Endpoint("reporting-service", "GET", "/api/v1/national-view?asOf=2024-01-01T00:00:00Z", null,
                    "CNIPA", LEAD_OR_OPERATOR),
            // Programme progress and the quarterly cycle. Rows run in this order: the accept and return rows
            // review the 2021-Q1 updates that the submit row's own reporter (SAMR) and other reporter (MOE,
            // submitting its own agency's) have just submitted. Any reporter submits for its own agency; only the
            // plan's lead agency reviews (a lead of another agency is refused before the lead accepts).
            new Endpoint("programme-service", "GET", "/api/v1/programmes/geographical-indications", null, "SAMR",
                    ANY_ROLE),
            new Endpoint("programme-service", "GET", "/api/v1/programmes/trade-secrets/progress", null, "SAMR",
                    ANY_ROLE),
            new Endpoint("programme-service", "POST", "/api/v1/programmes/trade-secrets/progress",
                    "{\"quarter\":\"2021-Q2\",\"status\":\"ON_TRACK\",\"percentComplete\":10,\"summary\":\"起步\"}",
                    "SAMR", EnumSet.of(Caller.RESPONSIBLE_REPORTER)),
            new Endpoint("programme-service", "POST", "/api/v1/quarterly-updates", "{\"quarter\":\"2021-Q1\"}", "SAMR",
                    EnumSet.of(Caller.RESPONSIBLE_REPORTER, Caller.OTHER_REPORTER)),
            new Endpoint("programme-service", "POST", "/api/v1/quarterly-updates/SAMR/2021-Q1/accept", "{}", "SAMR",
                    EnumSet.of(Caller.LEAD)),
            new Endpoint("programme-service", "POST", "/api/v1/quarterly-updates/MOE/2021-Q1/return",
                    "{\"reason\":\"请补充\",\"items\":[\"patent-navigation\"]}", "MOE", EnumSet.of(Caller.LEAD)),
            new Endpoint("programme-service", "GET", "/api/v1/quarterly-updates/SAMR", null, "SAMR",
                    EnumSet.of(Caller.RESPONSIBLE_REPORTER, Caller.OTHER_LEAD, Caller.LEAD, Caller.OPERATOR)),
            new Endpoint("programme-service", "GET", "/api/v1/quarterly-updates", null, "SAMR", LEAD_OR_OPERATOR),
            // The same reads nested under the plan they are of (here the shipped plan): the same rules.
            new Endpoint("programme-service", "GET", "/api/v1/plans/ip-2021-2025/programmes", null, "SAMR", ANY_ROLE),
            new Endpoint("programme-service", "GET", "/api/v1/plans/ip-2021-2025/programmes/trade-secrets/progress",
                    null, "SAMR", ANY_ROLE),
            new Endpoint("programme-service", "GET", "/api/v1/plans/ip-2021-2025/quarterly-updates/SAMR", null, "SAMR",
                    EnumSet.of(Caller.RESPONSIBLE_REPORTER, Caller.OTHER_LEAD, Caller.LEAD, Caller.OPERATOR)),
            new Endpoint("programme-service", "GET", "/api/v1/plans/ip-2021-2025/quarterly-updates", null, "SAMR",
                    LEAD_OR_OPERATOR),
            // Operations (reporting-service): operators only.
            new Endpoint("reporting-service", "GET", "/api/v1/ops/streams", null, "CNIPA",
                    EnumSet.of(Caller.OPERATOR)),
            new Endpoint("reporting-service", "GET", "/api/v1/ops/dead-letters", null, "CNIPA",
                    EnumSet.of(Caller.OPERATOR)),
            new Endpoint("indicator-service", "GET", "/api/v1/ops/projections/observations", null, "CNIPA",
                    EnumSet.of(Caller.OPERATOR)),
            // The national view's provenance, the quarterly report and the lead agency's dashboard.
            new Endpoint("reporting-service", "GET", "/api/v1/national-view/provenance/compliance:overall", null,
                    "CNIPA", LEAD_OR_OPERATOR),
            new Endpoint("reporting-service", "GET", "/api/v1/reports/quarterly/2025-Q3", null, "CNIPA", ANY_LEAD),
            new Endpoint("reporting-service", "GET", "/dashboard", null, "CNIPA", ANY_LEAD),
            // The lead agency's review pages: any lead opens them and posts a review, which programme-service's API
            // then accepts only from the plan's lead agency (the page shows its answer).
            new Endpoint("reporting-service", "GET", "/dashboard/review", null, "CNIPA", ANY_LEAD),
            new Endpoint("reporting-service", "POST", "/dashboard/review/SAMR/2030-Q1/accept", "{}", "SAMR",
                    ANY_LEAD),
            // The operators' console, rendered by reporting-service.
            new Endpoint("reporting-service", "GET", "/dashboard/ops", null, "CNIPA", EnumSet.of(Caller.OPERATOR)),
            // A ministry's desk, rendered by reporting-service: any reporter, each at its own agency's desk.
            new Endpoint("reporting-service", "GET", "/dashboard/desk", null, "SAMR",
                    EnumSet.of(Caller.RESPONSIBLE_REPORTER, Caller.OTHER_REPORTER)),
            new Endpoint("reporting-service", "GET", "/dashboard/plans/ip-2021-2025/desk", null, "SAMR",
                    EnumSet.of(Caller.RESPONSIBLE_REPORTER, Caller.OTHER_REPORTER)));

    /** One dynamic test per (endpoint, caller) of {@code service}, called over real HTTP. */
    public static Stream<DynamicTest> of(String service, HttpCalls anonymous) {
        TestTokens tokens = TestTokens.shared();
        List<DynamicTest> tests = new ArrayList<>();
        for (Endpoint endpoint : CONTRACT) {
            if (!endpoint.service().equals(service)) {
                continue;
            }
            String other = endpoint.responsibleAgency().equals("MOE") ? "MCT" : "MOE";
            for (Caller caller : Caller.values()) {
                String token = switch (caller) {
                    case NO_TOKEN -> null;
                    case EXPIRED -> tokens.expired(endpoint.responsibleAgency(), "reporter", "lead", "operator");
                    case FOREIGN_ISSUER -> tokens.foreign(endpoint.responsibleAgency(), "reporter", "lead", "operator");
                    case RESPONSIBLE_REPORTER -> tokens.reporter(endpoint.responsibleAgency());
                    case OTHER_REPORTER -> tokens.reporter(other);
                    case OTHER_LEAD -> tokens.token(endpoint.responsibleAgency().equals("CNIPA") ? other
                            : endpoint.responsibleAgency(), "lead");
                    case LEAD -> tokens.lead();
                    case OPERATOR -> tokens.operator();
                };
                tests.add(DynamicTest.dynamicTest(endpoint.method() + " " + endpoint.path() + " as " + caller, () -> {
                    HttpCalls http = token == null ? anonymous : anonymous.withToken(token);
                    HttpResponse<String> response = endpoint.method().equals("GET") ? http.get(endpoint.path())
                            : http.postJson(endpoint.path(), endpoint.body());
                    int status = response.statusCode();
                    String what = endpoint.method() + " " + endpoint.path() + " as " + caller + ": " + response.body();
                    switch (caller) {
                        case NO_TOKEN, EXPIRED, FOREIGN_ISSUER -> assertThat(status).as(what).isEqualTo(401);
                        default -> {
                            if (endpoint.allowed().contains(caller)) {
                                assertThat(status).as(what).isBetween(200, 299);
                            } else {
                                assertThat(status).as(what).isEqualTo(403);
                            }
                        }
                    }
                    if (status >= 400) {
                        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
                                .startsWith("application/problem+json");
                    }
                }));
            }
        }
        assertThat(tests).as("rows of the access matrix for %s", service).isNotEmpty();
        return tests.stream();
    }

    private AccessMatrix() {
    }
}
