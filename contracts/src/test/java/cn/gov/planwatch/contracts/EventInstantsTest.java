package cn.gov.planwatch.contracts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Random;

/** An event's instant reads the same as Jackson's own reader reads it, whatever form it was written in. */
class EventInstantsTest {

    private static final JsonMapper JACKSON = JsonMapper.builder().build();

    @Test
    void givenInstantsAsEventsWriteThemWhenReadThenEachIsTheInstantWritten() {
        Random random = new Random(20261203);
        Instant from = Instant.parse("1970-01-01T00:00:00Z");
        for (int i = 0; i < 20_000; i++) {
            Instant written = from.plusSeconds(random.nextLong(0, 400L * 365 * 86_400))
                    .plusNanos(random.nextInt(1_000_000_000));
            for (ChronoUnit cut : new ChronoUnit[] {ChronoUnit.SECONDS, ChronoUnit.MILLIS, ChronoUnit.MICROS,
                    ChronoUnit.NANOS}) {
                Instant instant = written.truncatedTo(cut);
                assertThat(read(EventJson.MAPPER.writeValueAsString(instant))).isEqualTo(instant);
                assertThat(EventInstants.parseUtc(instant.toString())).as("read without the ISO formatter")
                        .isEqualTo(instant);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"2024-02-29T23:59:59.5Z\"", "\"2026-12-03T11:22:33.1234Z\"", "\"0001-01-01T00:00:00Z\"",
            "\"9999-12-31T23:59:59.999999999Z\"", "\"2026-12-03T19:22:33+08:00\"", "\"2026-12-03T11:22:33.000+0000\"",
            "1764760953.123456789", "1764760953", "\"1764760953\"", "\"2023-02-29T00:00:00Z\"",
            "\"2026-13-01T00:00:00Z\"", "\"2026-12-03T24:00:00Z\"", "\"2026-12-03T11:22:33.Z\"",
            "\"2026-12-03T11:22:33.1234567890Z\"", "\"2026-12-03 11:22:33Z\"", "\"2026-12-03T11:22:33z\"",
            "\" 2026-12-03T11:22:33Z\"", "\"2026-12-03T11:22:3xZ\"", "\"+12026-12-03T11:22:33Z\"", "\"\"", "null"})
    void givenAnyFormWhenReadThenTheInstantOrTheRefusalIsJacksonsOwn(String json) {
        Throwable ours = catchThrowable(() -> read(json));
        Throwable theirs = catchThrowable(() -> JACKSON.readValue(json, Instant.class));
        if (theirs == null) {
            assertThat(ours).isNull();
            assertThat(read(json)).isEqualTo(JACKSON.readValue(json, Instant.class));
        } else {
            assertThat(ours).isNotNull().hasSameClassAs(theirs);
        }
    }

    private static Instant read(String json) {
        return EventJson.MAPPER.readValue(json, Instant.class);
    }
}
