package cn.gov.planwatch.programme.compliance;

import cn.gov.planwatch.programme.SettableClock;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;

import static cn.gov.planwatch.programme.ApiAnswers.json;
import static cn.gov.planwatch.programme.ApiAnswers.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Completeness and timeliness of 2024-Q2 (ends 2024-07-01T00:00+08:00, deadline 15 days later,
 * 2024-07-16T00:00+08:00 = 2024-07-15T16:00Z) with one agency on time (PBOC), one late (SASAC) and one
 * missing (CBIRC), the clock moved through the quarter's end and deadline.
 */
@Import(SettableClock.Configuration.class)
class CompletenessIT extends ServiceFixture {

    private static final TestTokens TOKENS = TestTokens.shared();

    @Autowired
    SettableClock clock;

    HttpCalls anonymous;
    HttpCalls lead;

    @BeforeEach
    void connect() {
        anonymous = http();
        lead = anonymous.withToken(TOKENS.lead());
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void oneOnTimeOneLateOneMissingMatchTheHandMadeTable() {
        clock.set("2024-06-20T00:00:00Z");
        assertThat(state("PBOC", "2024-Q2")).isEqualTo("NOT_DUE");

        clock.set("2024-07-05T03:00:00Z");
        assertThat(state("PBOC", "2024-Q2")).isEqualTo("DUE");
        json(anonymous.withToken(TOKENS.reporter("PBOC")).postJson("/api/v1/quarterly-updates",
                "{\"quarter\":\"2024-Q2\"}"), 202);

        clock.set("2024-07-20T03:00:00Z");
        json(anonymous.withToken(TOKENS.reporter("SASAC")).postJson("/api/v1/quarterly-updates",
                "{\"quarter\":\"2024-Q2\"}"), 202);

        // agency → state, onTime, submittedAt
        Map<String, List<String>> expected = Map.of(
                "PBOC", List.of("SUBMITTED_ON_TIME", "true", "2024-07-05T03:00:00Z"),
                "SASAC", List.of("SUBMITTED_LATE", "false", "2024-07-20T03:00:00Z"),
                "CBIRC", List.of("OVERDUE", "null", "null"));
        JsonNode matrix = json(lead.get("/api/v1/quarterly-updates"), 200);
        assertThat(matrix.get("asOf").asString()).isEqualTo("2024-07-20T03:00:00Z");
        assertThat(matrix.get("gracePeriod").asString()).isEqualTo("P15D");
        expected.forEach((agency, row) -> {
            JsonNode cell = cell(agencyIn(matrix, agency).get("quarters"), "2024-Q2");
            assertThat(List.of(cell.get("state").asString(), text(cell.get("onTime")), text(cell.get("submittedAt"))))
                    .as(agency).isEqualTo(row);
            assertThat(cell.get("deadline").asString()).isEqualTo("2024-07-15T16:00:00Z");
        });

        //        owed  reported  rate    submitted  on time  rate
        // 2024-Q2  18    2       0.1111    2          1      0.5000   (16 agencies OVERDUE)
        JsonNode quarter = nodes(matrix.get("byQuarter")).stream()
                .filter(q -> q.get("quarter").asString().equals("2024-Q2")).findFirst().orElseThrow();
        assertThat(quarter.get("pastDeadline").asBoolean()).isTrue();
        assertRates(quarter.get("rates"), 18, 2, "0.1111", 2, 1, "0.5000");
        assertThat(quarter.get("states").get("OVERDUE").asInt()).isEqualTo(16);
        assertThat(quarter.get("states").get("SUBMITTED_ON_TIME").asInt()).isEqualTo(1);
        assertThat(quarter.get("states").get("SUBMITTED_LATE").asInt()).isEqualTo(1);

        // Per agency, over the 14 quarters past their deadline (2021-Q1 … 2024-Q2):
        //          owed  reported  rate    submitted  on time  rate
        // PBOC      14     1       0.0714    1          1      1.0000
        // SASAC     14     1       0.0714    1          0      0.0000
        // CBIRC     14     0       0.0000    0          0      —
        JsonNode pboc = json(anonymous.withToken(TOKENS.reporter("PBOC")).get("/api/v1/quarterly-updates/PBOC"), 200);
        assertRates(pboc.get("rates"), 14, 1, "0.0714", 1, 1, "1.0000");
        assertThat(nodes(pboc.get("programmes"))).extracting(JsonNode::asString).containsExactly("sme-ip-strategy");
        assertThat(nodes(pboc.get("quarters"))).hasSize(20);
        assertRates(agencyIn(matrix, "SASAC").get("rates"), 14, 1, "0.0714", 1, 0, "0.0000");
        assertRates(agencyIn(matrix, "CBIRC").get("rates"), 14, 0, "0.0000", 0, 0, null);

        // A reporter sees its own agency's quarters only.
        problem(anonymous.withToken(TOKENS.reporter("SASAC")).get("/api/v1/quarterly-updates/PBOC"), 403, null);
        problem(anonymous.withToken(TOKENS.reporter("SASAC")).get("/api/v1/quarterly-updates"), 403, null);
        problem(lead.get("/api/v1/quarterly-updates/NASA"), 404, null);
        json(anonymous.withToken(TOKENS.operator()).get("/api/v1/quarterly-updates/PBOC"), 200);
    }

    private String state(String agency, String quarter) {
        JsonNode quarters = json(lead.get("/api/v1/quarterly-updates/" + agency), 200).get("quarters");
        return cell(quarters, quarter).get("state").asString();
    }

    private static JsonNode agencyIn(JsonNode matrix, String agency) {
        return nodes(matrix.get("agencies")).stream().filter(a -> a.get("agency").asString().equals(agency))
                .findFirst().orElseThrow();
    }

    private static JsonNode cell(JsonNode quarters, String quarter) {
        return nodes(quarters).stream().filter(q -> q.get("quarter").asString().equals(quarter)).findFirst()
                .orElseThrow();
    }

    private static void assertRates(JsonNode rates, int owed, int reported, String reportingRate, int submitted,
            int onTime, String onTimeRate) {
        assertThat(rates.get("owed").asInt()).isEqualTo(owed);
        assertThat(rates.get("reported").asInt()).isEqualTo(reported);
        assertThat(decimal(rates.get("reportingRate"))).isEqualTo(decimal(reportingRate));
        assertThat(rates.get("submitted").asInt()).isEqualTo(submitted);
        assertThat(rates.get("onTime").asInt()).isEqualTo(onTime);
        assertThat(decimal(rates.get("onTimeRate"))).isEqualTo(decimal(onTimeRate));
    }

    private static BigDecimal decimal(JsonNode node) {
        return node == null || node.isNull() ? null : node.decimalValue().stripTrailingZeros();
    }

    private static BigDecimal decimal(String text) {
        return text == null ? null : new BigDecimal(text).stripTrailingZeros();
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() ? "null" : node.asString();
    }

    private static List<JsonNode> nodes(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }
}
