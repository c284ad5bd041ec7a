package cn.gov.planwatch.reporting;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.testsupport.HostileInput;
import cn.gov.planwatch.testsupport.HostileInput.Call;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import cn.gov.planwatch.testsupport.TopicOffsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import tools.jackson.databind.json.JsonMapper;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import static cn.gov.planwatch.testsupport.HostileInput.query;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad input to every parameter of every read (and the operators' replay): each must be refused with a
 * 4xx problem — never a 5xx — and change nothing in a read model or a topic. Rerun a failing draw with
 * {@code -Dfuzz.seed=<seed printed>}.
 */
class HostileInputFuzzIT extends ServiceFixture {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final int TRIES_PER_PARAMETER = 15;
    private static final String LEAD = TestTokens.shared().lead();
    private static final String OPERATOR = TestTokens.shared().operator();
    private static final List<String> READ_MODEL = List.of("indicator_fact", "current_indicator_fact",
            "view_freshness", "progress_fact", "current_progress_fact", "programme_standing", "quarterly_update_fact",
            "quarterly_update_state", "dead_letter", "plan_version", "plan_closure");

    private static final String PLANS_GROUP = "reporting-service.plans";

    @Value("${spring.kafka.consumer.group-id}")
    String groupId;

    @Test
    void everyParameterRefusesGeneratedBadInputWithAProblemAndChangesNothing() {
        Random random = new Random(HostileInput.seed(getClass().getSimpleName()));
        Arbitrary<String> instants = HostileInput.insaneInstants().map(HostileInput::query);
        Arbitrary<String> segments = HostileInput.hostilePathSegments();
        Arbitrary<String> figures = Arbitraries.oneOf(segments, segments.map(key -> "indicator:" + key),
                segments.map(key -> "compliance:SAMR/" + key), segments.map(key -> "milestone:" + key + "/x"));
        Arbitrary<String> notANumber = Arbitraries.of("abc", "1.5", "1e3", "0x10", "%2310", "-", "NaN", "+-1", "%201",
                "99999999999999999999", "2147483648", "%00", "%2F", "%EF%BC%91");
        Arbitrary<Integer> negative = Arbitraries.integers().between(Integer.MIN_VALUE, -1);
        Arbitrary<String> notALimit = Arbitraries.oneOf(notANumber, negative.map(String::valueOf),
                Arbitraries.of("0"), Arbitraries.integers().between(201, Integer.MAX_VALUE).map(String::valueOf));
        Arbitrary<String> notAnOffset = Arbitraries.oneOf(notANumber, negative.map(String::valueOf));
        List<Call> calls = HostileInput.drawEach(TRIES_PER_PARAMETER, random,
                instants.map(at -> Call.get(LEAD, "/api/v1/national-view?asOf=" + at)),
                segments.map(plan -> Call.get(LEAD, "/api/v1/plans/" + plan + "/national-view")),
                instants.map(at -> Call.get(LEAD, "/dashboard?asOf=" + at)),
                HostileInput.insaneDates().map(date -> Call.get(LEAD, "/dashboard?date=" + query(date))),
                HostileInput.insaneDates().map(date -> Call.get(LEAD, "/?date=" + query(date))),
                instants.map(at -> Call.get(LEAD, "/api/v1/national-view/provenance/indicator:IND-05/2023?asOf=" + at)),
                instants.map(at -> Call.get(LEAD, "/dashboard/provenance/indicator:IND-05/2023?asOf=" + at)),
                figures.map(figure -> Call.get(LEAD, "/api/v1/national-view/provenance/" + figure)),
                figures.map(figure -> Call.get(LEAD, "/dashboard/provenance/" + figure)),
                HostileInput.badPeriods(2021, 2025).map(quarter -> Call.get(LEAD, "/api/v1/reports/quarterly/"
                        + query(quarter))),
                segments.map(quarter -> Call.get(LEAD, "/api/v1/reports/quarterly/" + quarter)),
                notALimit.map(limit -> Call.get(OPERATOR, "/api/v1/ops/dead-letters?limit=" + limit)),
                notAnOffset.map(offset -> Call.get(OPERATOR, "/api/v1/ops/dead-letters?offset=" + offset)),
                Arbitraries.oneOf(segments, Combinators.combine(Arbitraries.longs(), Arbitraries.longs())
                                .as((high, low) -> new UUID(high, low).toString()))
                        .map(id -> Call.postJson(OPERATOR, "/api/v1/ops/dead-letters/" + id + "/replay", "")));

        assertThat(calls).as("calls drawn").hasSize(14 * TRIES_PER_PARAMETER);
        // The plans are folded by a group of their own; the reports by the service's group.
        TopicOffsets.awaitConsumed(RealInfrastructure.shared().kafkaBootstrapServers(), Topics.PLAN_EVENTS,
                PLANS_GROUP, Duration.ofSeconds(30));
        HostileInput.assertRefusedRecordingNothing("http://localhost:" + port, calls, groupId,
                Topics.EVENT_TOPICS.stream().filter(topic -> !topic.equals(Topics.PLAN_EVENTS)).toList(),
                Topics.withDeadLetterTopics(), this::rows);
    }

    @Test
    void theMomentsAndQuartersAnOutsiderTriedAreRefusedNamingTheirField() {
        HttpCalls lead = http().withToken(LEAD);
        assertField(lead.get("/api/v1/national-view?asOf=%2B1000000000-12-31T23:59:59Z"), 400, "asOf");
        assertField(lead.get("/api/v1/national-view?asOf=1999-12-31T23:59:59Z"), 400, "asOf");
        assertField(lead.get("/dashboard?date=%2B999999999-12-31"), 400, "date");
        assertField(lead.get("/dashboard?date=1999-12-31"), 400, "date");
        assertField(lead.get("/api/v1/reports/quarterly/2025-Q0"), 400, "quarter");
        assertField(lead.get("/api/v1/reports/quarterly/2025-Q5"), 400, "quarter");
        for (String path : List.of("/api/v1/reports/quarterly/2025%2FQ3", "/api/v1/reports/quarterly/2025-Q3%00")) {
            HttpResponse<String> answer = lead.get(path);
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).as(path)
                    .startsWith("application/problem+json");
        }
        // The sane neighbours still answer.
        assertThat(lead.get("/api/v1/national-view?asOf=2000-01-01T00:00:00Z").statusCode()).isEqualTo(200);
        assertThat(lead.get("/api/v1/reports/quarterly/2025-Q4").statusCode()).isEqualTo(200);
    }

    private static void assertField(HttpResponse<String> answer, int status, String field) {
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(status);
        assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(answer.body()).path("errors").path(0).path("field").asString()).isEqualTo(field);
    }

    private long rows() {
        return READ_MODEL.stream()
                .mapToLong(table -> jdbc.sql("select count(*) from reporting." + table).query(Long.class).single())
                .sum();
    }
}
