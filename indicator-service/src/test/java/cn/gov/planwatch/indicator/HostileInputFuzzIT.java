package cn.gov.planwatch.indicator;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.platform.eventlog.EventClaim;
import cn.gov.planwatch.platform.eventlog.EventLog;
import cn.gov.planwatch.platform.problem.ProblemException;
import cn.gov.planwatch.testsupport.HostileInput;
import cn.gov.planwatch.testsupport.HostileInput.Call;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletionException;

import static cn.gov.planwatch.testsupport.HostileInput.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Generated bad input to every parameter of every endpoint of the service, one field at a time in an otherwise good
 * request: each must be refused with a 4xx problem — never a 5xx, never a 503 that invites a retry — and nothing may
 * reach the log or the read model. Rerun a failing draw with {@code -Dfuzz.seed=<seed printed>}.
 */
class HostileInputFuzzIT extends ServiceFixture {

    private static final int TRIES_PER_PARAMETER = 20;
    private static final String WRITE = "/api/v1/indicators/IND-05/observations";
    private static final String REPORTER = TestTokens.shared().reporter("CNIPA");
    private static final String OPERATOR = TestTokens.shared().operator();

    @Autowired
    EventLog eventLog;

    @Value("${spring.kafka.consumer.group-id}")
    String groupId;

    @Test
    void everyParameterRefusesGeneratedBadInputWithAProblemAndRecordsNothing() {
        Random random = new Random(HostileInput.seed(getClass().getSimpleName()));
        Arbitrary<String> badValues = Arbitraries.oneOf(HostileInput.absurdNumbers(), HostileInput.absurdNumbers(),
                HostileInput.nonNumbers());
        Arbitrary<String> badPeriods = Arbitraries.oneOf(HostileInput.badPeriods(2021, 2025).map(HostileInput::json),
                Arbitraries.of("2023", "null", "[\"2023\"]", "20230"));
        Arbitrary<String> segments = HostileInput.hostilePathSegments();
        List<Call> calls = HostileInput.drawEach(TRIES_PER_PARAMETER, random,
                badValues.map(value -> write("\"period\":\"2023\",\"value\":" + value)),
                badPeriods.map(period -> write("\"period\":" + period + ",\"value\":12.1")),
                HostileInput.unprintableText().map(text -> write("\"period\":\"2023\",\"value\":12.1,\"comment\":" + text)),
                HostileInput.unprintableText().map(text -> write("\"period\":\"2023\",\"value\":12.1,\"source\":" + text)),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(40)
                        .map(unit -> write("\"period\":\"2023\",\"value\":12.1,\"unit\":" + json("x-" + unit))),
                segments.map(code -> Call.postJson(REPORTER, "/api/v1/indicators/" + code + "/observations",
                        "{\"period\":\"2023\",\"value\":12.1}")),
                segments.map(code -> Call.get(REPORTER, "/api/v1/indicators/" + code)),
                segments.map(code -> Call.get(REPORTER, "/api/v1/indicators/" + code + "/observations")),
                segments.map(name -> Call.get(OPERATOR, "/api/v1/ops/projections/" + name)),
                segments.map(name -> new Call(OPERATOR, "POST", "/api/v1/ops/projections/" + name + "/rebuild",
                        "application/json", "")));

        assertThat(calls).as("calls drawn").hasSize(10 * TRIES_PER_PARAMETER);
        HostileInput.assertRefusedRecordingNothing("http://localhost:" + port, calls, groupId,
                List.of(Topics.INDICATOR_EVENTS), Topics.withDeadLetterTopics(), this::rows);
    }

    @Test
    void theNumbersAnOutsiderTriedAreRefusedNamingValueAndRecordNothing() {
        HttpCalls reporter = http().withToken(REPORTER);
        for (String absurd : List.of("1E-10000", "1E+10000", "0E-10000", "1." + "2".repeat(79))) {
            HttpResponse<String> answer = reporter.postJson("/api/v1/indicators/IND-01/observations",
                    "{\"period\":\"2024\",\"value\":" + absurd + "}");
            assertThat(answer.statusCode()).as(absurd + " → " + answer.body()).isIn(400, 422);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(answer.body()).contains("\"field\":\"value\"");
        }
    }

    @Test
    void anEventTheLogCannotWriteIsADefectNotAnOutage() {
        // Past every rule, straight to the log: a value the log's JSON cannot write must not be answered "the log is
        // unavailable, try again" (503), which would have a client retry it forever.
        var event = new ObservationReported(UUID.randomUUID(), "ip-2021-2025", "IND-05", "2023", new BigDecimal("1E-10000"), null,
                null, "CNIPA", "cnipa-reporter", null, Instant.now(), "percent", true);
        Throwable failure = catchThrowable(() -> eventLog.append(new EventClaim(event.eventId(), false), event));
        assertThat(failure).isNotNull().isNotInstanceOf(ProblemException.class)
                .isNotInstanceOf(CompletionException.class);
    }

    private static Call write(String fields) {
        return Call.postJson(REPORTER, WRITE, "{" + fields + "}");
    }

    private long rows() {
        return jdbc.sql("select count(*) from indicator.observation").query(Long.class).single();
    }
}
