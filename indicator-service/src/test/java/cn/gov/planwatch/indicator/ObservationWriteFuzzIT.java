package cn.gov.planwatch.indicator;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.TestTokens;
import cn.gov.planwatch.testsupport.TopicOffsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * Hostile input to the write endpoint: a corpus of known-bad bodies plus seeded random mutations of a
 * good one. Every answer must be a 4xx problem, and nothing may reach the log or the read model.
 * Rerun a failing case with {@code -Dfuzz.seed=<seed printed below>}.
 */
class ObservationWriteFuzzIT extends ServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PATH = "/api/v1/indicators/IND-05/observations";
    private static final String GOOD = "{\"period\":\"2023\",\"value\":12.1,\"comment\":\"年末\",\"source\":\"bulletin\"}";

    @Value("${spring.kafka.consumer.group-id}")
    String groupId;

    record Case(String contentType, String body) {
    }

    @Test
    void everyHostileBodyIsRefusedWithAProblemAndRecordsNothing() {
        HttpCalls http = http().withToken(TestTokens.shared().reporter("CNIPA"));
        String bootstrap = RealInfrastructure.shared().kafkaBootstrapServers();
        // Another test's report may still be on its way into the read model; count only once it has landed.
        TopicOffsets.awaitConsumed(bootstrap, Topics.INDICATOR_EVENTS, groupId, Duration.ofSeconds(30));
        long recordsBefore = TopicOffsets.endOffsetSum(bootstrap, Topics.INDICATOR_EVENTS);
        long rowsBefore = rows();

        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("[fuzz] seed " + seed);
        List<Case> cases = new ArrayList<>(corpus());
        cases.addAll(mutants(new Random(seed), 300));

        List<String> statuses = new ArrayList<>();
        assertSoftly(softly -> {
            for (Case c : cases) {
                HttpResponse<String> response = http.post(PATH, c.contentType(), c.body());
                String what = c.contentType() + " " + abbreviate(c.body()) + " → " + response.statusCode() + " "
                        + abbreviate(response.body());
                statuses.add(Integer.toString(response.statusCode()));
                softly.assertThat(response.statusCode()).as(what).isBetween(400, 499);
                softly.assertThat(response.headers().firstValue("Content-Type").orElse("")).as(what)
                        .startsWith("application/problem+json");
                softly.assertThat(isProblem(response.body())).as(what).isTrue();
                softly.assertThat(response.body()).as(what).doesNotContain("Exception").doesNotContain("\tat ");
            }
        });
        System.out.println("[fuzz] " + cases.size() + " cases, statuses " + statuses.stream()
                .collect(java.util.stream.Collectors.groupingBy(s -> s, java.util.TreeMap::new,
                        java.util.stream.Collectors.counting())));

        assertThat(TopicOffsets.endOffsetSum(bootstrap, Topics.INDICATOR_EVENTS)).as("records in the log")
                .isEqualTo(recordsBefore);
        assertThat(rows()).as("rows in the read model").isEqualTo(rowsBefore);

        // The same client and endpoint still take a good report: the refusals were the inputs' fault.
        assertThat(http.postJson(PATH, GOOD).statusCode()).isEqualTo(202);
    }

    private static List<Case> corpus() {
        String json = "application/json";
        List<Case> cases = new ArrayList<>(List.of(
                new Case(json, ""),
                new Case(json, "null"),
                new Case(json, "[]"),
                new Case(json, "\"2023\""),
                new Case(json, "{}"),
                new Case(json, "{\"period\":\"2023\",\"value\":NaN}"),
                new Case(json, "{\"period\":\"2023\",\"value\":Infinity}"),
                new Case(json, "{\"period\":\"2023\",\"value\":-Infinity}"),
                new Case(json, "{\"period\":\"2023\",\"value\":1e999999}"),
                new Case(json, "{\"period\":\"2023\",\"value\":-1e999999}"),
                new Case(json, "{\"period\":\"2023\",\"value\":1" + "0".repeat(5000) + "}"),
                new Case(json, "{\"period\":\"2023\",\"value\":0." + "1".repeat(5000) + "e-99999}"),
                new Case(json, "{\"period\":\"2023\",\"value\":\"12.1\"}"),
                new Case(json, "{\"period\":\"2023\",\"value\":true}"),
                new Case(json, "{\"period\":\"2023\",\"value\":[12.1]}"),
                new Case(json, "{\"period\":\"2023\",\"value\":{\"v\":12.1}}"),
                new Case(json, "{\"period\":2023,\"value\":12.1}"),
                new Case(json, "{\"period\":\"２０２３\",\"value\":12.1}"),
                new Case(json, "{\"period\":\"2023-Q0\",\"value\":12.1}"),
                new Case(json, "{\"period\":\"2023\\n\",\"value\":12.1}"),
                new Case(json, "{\"period\":\"2099\",\"value\":12.1}"),
                new Case(json, "{\"period\":\"2023\",\"value\":101}"),
                new Case(json, "{\"period\":\"2023\",\"value\":-0.5}"),
                new Case(json, "{\"period\":\"2023\",\"value\":12.1,\"comment\":\"" + "长".repeat(2001) + "\"}"),
                new Case(json, "{\"period\":\"2023\",\"value\":12.1,\"comment\":\"a\\u0000b\"}"),
                new Case(json, "{\"period\":\"2023\",\"value\":12.1,\"comment\":\"\\ud800\"}"),
                new Case(json, "{\"period\":\"2023\",\"value\":12.1,\"source\":\"\\u001b[31mred\"}"),
                new Case(json, "{\"period\":\"2023\",\"value\":12.1,\"comment\":\"raw\u0001control\"}"),
                new Case(json, "{\"period\":\"2023\",\"value\":12.1,\"agency\":\"SAMR\"}"),
                new Case(json, "{\"period\":\"2023\",\"value\":12.1}{\"period\":\"2024\"}"),
                new Case(json, "{\"period\":\"2023\",\"value\":12.1,}"),
                new Case(json, "{'period':'2023','value':12.1}"),
                new Case(json, "{\"period\":\"2023\",\"value\":12.1,\"comment\":\"" + "x".repeat(70_000) + "\"}"),
                new Case(json, "[".repeat(5000) + "]".repeat(5000)),
                new Case(json, "{\"a\":".repeat(3000) + "1" + "}".repeat(3000)),
                new Case("text/plain", GOOD),
                new Case("application/xml", "<observation period=\"2023\" value=\"12.1\"/>"),
                new Case("application/x-www-form-urlencoded", "period=2023&value=12.1"),
                new Case("multipart/form-data; boundary=x", "--x\r\n\r\n" + GOOD + "\r\n--x--")));
        return cases;
    }

    /** Random damage to a good body, kept only where the result is no longer JSON at all. */
    private static List<Case> mutants(Random random, int count) {
        String damage = "{}[]:,\"\\ \u0000\u001f\u00e9年\ud83d\ude00-+.eE0123456789";
        List<Case> mutants = new ArrayList<>();
        while (mutants.size() < count) {
            StringBuilder body = new StringBuilder(GOOD);
            int edits = 1 + random.nextInt(4);
            for (int i = 0; i < edits && body.length() > 1; i++) {
                int at = random.nextInt(body.length());
                switch (random.nextInt(3)) {
                    case 0 -> body.deleteCharAt(at);
                    case 1 -> body.insert(at, damage.charAt(random.nextInt(damage.length())));
                    default -> body.setLength(Math.max(1, at));
                }
            }
            if (!parses(body.toString())) {
                mutants.add(new Case("application/json", body.toString()));
            }
        }
        return mutants;
    }

    private static boolean parses(String body) {
        try {
            JSON.readTree(body);
            return true;
        } catch (JacksonException e) {
            return false;
        }
    }

    private static boolean isProblem(String body) {
        try {
            JsonNode problem = JSON.readTree(body);
            return problem.hasNonNull("type") && problem.hasNonNull("title") && problem.hasNonNull("status")
                    && problem.hasNonNull("detail");
        } catch (JacksonException e) {
            return false;
        }
    }

    private long rows() {
        return jdbc.sql("select count(*) from indicator.observation").query(Long.class).single();
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", "·");
        return flat.length() > 120 ? flat.substring(0, 120) + "…(" + text.length() + ")" : flat;
    }
}
