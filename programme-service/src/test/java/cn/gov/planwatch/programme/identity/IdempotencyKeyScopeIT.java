package cn.gov.planwatch.programme.identity;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.platform.idempotency.IdempotentWrites;
import cn.gov.planwatch.programme.SettableClock;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.RealInfrastructure;
import cn.gov.planwatch.testsupport.TestTokens;
import cn.gov.planwatch.testsupport.TopicOffsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.JsonNode;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static cn.gov.planwatch.programme.ApiAnswers.json;
import static cn.gov.planwatch.programme.ApiAnswers.problem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * An Idempotency-Key belongs to its caller, the client and the person acting through it, and is kept for the
 * retention (30 days) only. Uses SPC's 2021-Q3 and 2021-Q4 on trade-secrets.
 */
@Import(SettableClock.Configuration.class)
class IdempotencyKeyScopeIT extends ServiceFixture {

    private static final TestTokens TOKENS = TestTokens.shared();
    private static final String PROGRESS = "/api/v1/programmes/trade-secrets/progress";

    @Autowired
    SettableClock clock;

    @Autowired
    IdempotentWrites idempotentWrites;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void callersSendingTheSameKeyAndBodyEachGetTheirOwnAnswerAndOnlyTheirOwnReplay() {
        String key = "spc-2021-Q3-" + UUID.randomUUID();
        String body = "{\"quarter\":\"2021-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":30}";
        // Two people logged in through the same client, and the agency's own client.
        HttpCalls first = keyed(TOKENS.person("zhao.min", "SPC", "reporter"), key);
        HttpCalls colleague = keyed(TOKENS.person("qian.li", "SPC", "reporter"), key);
        HttpCalls client = keyed(TOKENS.reporter("SPC"), key);
        long before = records();

        HttpResponse<String> firstAnswer = first.postJson(PROGRESS, body);
        HttpResponse<String> colleagueAnswer = colleague.postJson(PROGRESS, body);
        HttpResponse<String> clientAnswer = client.postJson(PROGRESS, body);

        String firstId = json(firstAnswer, 202).get("eventId").asString();
        String colleagueId = json(colleagueAnswer, 202).get("eventId").asString();
        String clientId = json(clientAnswer, 202).get("eventId").asString();
        assertThat(colleagueId).as("not the first caller's stored answer").isNotEqualTo(firstId);
        assertThat(clientId).isNotIn(firstId, colleagueId);
        assertThat(colleagueAnswer.headers().firstValue(IdempotentWrites.REPLAYED_HEADER)).isEmpty();
        assertThat(clientAnswer.headers().firstValue(IdempotentWrites.REPLAYED_HEADER)).isEmpty();
        assertThat(records() - before).as("each caller's report recorded").isEqualTo(3);

        // Each caller's retry replays its own first answer, and records nothing new.
        HttpResponse<String> replay = first.postJson(PROGRESS, body);
        assertThat(json(replay, 202).get("eventId").asString()).isEqualTo(firstId);
        assertThat(replay.headers().firstValue(IdempotentWrites.REPLAYED_HEADER)).hasValue("true");
        assertThat(json(colleague.postJson(PROGRESS, body), 202).get("eventId").asString()).isEqualTo(colleagueId);
        assertThat(records() - before).isEqualTo(3);
        // A caller's key is bound to its own request only: another body under it is refused for that caller alone.
        problem(colleague.postJson(PROGRESS, body.replace("30", "31")), 422, null);
    }

    @Test
    void aKeyIsForgottenAfterTheRetentionAndAYoungerOneIsKept() {
        HttpCalls person = http()
                .withToken(TOKENS.person("zhao.min", "SPC", "reporter"));
        String oldKey = "spc-2021-Q4-old-" + UUID.randomUUID();
        String youngKey = "spc-2021-Q4-young-" + UUID.randomUUID();
        String body = "{\"quarter\":\"2021-Q4\",\"status\":\"ON_TRACK\",\"percentComplete\":40}";
        Instant start = Instant.now();
        clock.set(start);
        String oldId = json(person.withHeader("Idempotency-Key", oldKey).postJson(PROGRESS, body), 202)
                .get("eventId").asString();
        // 29 days later: the young key is claimed; the old one is still kept and still replayed.
        clock.set(start.plus(Duration.ofDays(29)));
        String youngId = json(person.withHeader("Idempotency-Key", youngKey).postJson(PROGRESS, body), 202)
                .get("eventId").asString();
        idempotentWrites.forgetExpired();
        assertThat(json(person.withHeader("Idempotency-Key", oldKey).postJson(PROGRESS, body), 202)
                .get("eventId").asString()).isEqualTo(oldId);

        // Past 30 days after its last claim, the old key is forgotten: usable anew, for a new report.
        clock.set(start.plus(Duration.ofDays(30)).plusSeconds(1));
        assertThat(idempotentWrites.forgetExpired()).isPositive();
        assertThat(stored(oldKey)).isZero();
        assertThat(stored(youngKey)).isOne();
        long before = records();
        HttpResponse<String> reused = person.withHeader("Idempotency-Key", oldKey).postJson(PROGRESS, body);
        assertThat(json(reused, 202).get("eventId").asString()).isNotEqualTo(oldId);
        assertThat(reused.headers().firstValue(IdempotentWrites.REPLAYED_HEADER)).isEmpty();
        assertThat(records() - before).isEqualTo(1);
        HttpResponse<String> young = person.withHeader("Idempotency-Key", youngKey).postJson(PROGRESS, body);
        assertThat(json(young, 202).get("eventId").asString()).isEqualTo(youngId);
        assertThat(young.headers().firstValue(IdempotentWrites.REPLAYED_HEADER)).hasValue("true");
    }

    private HttpCalls keyed(String token, String key) {
        return http().withToken(token).withHeader("Idempotency-Key", key);
    }

    private long stored(String key) {
        return jdbc.sql("select count(*) from programme.idempotency_record where key = ?").params(key)
                .query(Long.class).single();
    }

    private static long records() {
        return TopicOffsets.endOffsetSum(RealInfrastructure.shared().kafkaBootstrapServers(), Topics.PROGRAMME_EVENTS);
    }
}
