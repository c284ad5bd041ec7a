package cn.gov.planwatch.contracts.indicator;

import cn.gov.planwatch.contracts.EventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Random;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** An observation's body reads as the mapper binds it, whether it is in the form events are written in or not. */
class ObservationReportedBodyTest {

    private static final String TEXTS = "年末数据 year-end \"quoted\" \\ back\tslash\n换行 😀 emoji, 统计公报 <b>&amp;</b>";

    @Test
    void givenBodiesAsEventsAreWrittenWhenReadThenEachIsTheEventWrittenAndReadWithoutTheMapper() {
        Random random = new Random(20261206);
        for (int i = 0; i < 20_000; i++) {
            ObservationReported written = randomEvent(random);
            byte[] body = EventJson.MAPPER.writeValueAsBytes(written);

            assertThat(ObservationReportedBody.readAsWritten(EventJson.MAPPER, body)).as(utf8(body))
                    .isEqualTo(written)
                    .isEqualTo(EventJson.MAPPER.readValue(body, ObservationReported.class));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // properties in another order, unknown ones of every JSON type, spaces and new lines
        "{ \"period\" : \"2023\", \"eventId\":\"0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e10\", \"extra\": {\"a\":[1,{\"b\":2}]},"
                + " \"more\": [[]], \"indicator\":\"IND-01\",\n\"plan\":\"gi-2026-2030\", \"flag\": true, \"n\": null,"
                + " \"value\": 11.80, \"unitConfirmed\": false, \"actor\": \"li.na\" }",
        // a version 2 body: no plan, no actor
        "{\"eventId\":\"0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e10\",\"indicator\":\"IND-01\",\"period\":\"2023-Q4\","
                + "\"value\":-0.0005,\"clientId\":\"cnipa-reporter\",\"unit\":\"%\",\"unitConfirmed\":true}",
        // upper-case hexadecimal in the id
        "{\"eventId\":\"0B6F7A52-3C1E-4F4E-9A51-5D1F2B9C7E10\",\"plan\":\"gi-2026-2030\",\"value\":1,\"unitConfirmed\":true}",
        // a value as text, in exponent form, as a large integer
        "{\"eventId\":\"0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e10\",\"value\":\"11.80\",\"unitConfirmed\":true}",
        "{\"eventId\":\"0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e10\",\"value\":1.180E1,\"unitConfirmed\":true}",
        "{\"eventId\":\"0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e10\",\"value\":123456789012345678901234567890,\"unitConfirmed\":false}",
        // instants in other forms
        "{\"eventId\":\"0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e10\",\"recordedAt\":\"2024-01-15T16:30:00+08:00\",\"unitConfirmed\":true}",
        "{\"eventId\":\"0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e10\",\"recordedAt\":1705307400.5,\"unitConfirmed\":true}",
        // a flag and a text as other JSON types, a property twice
        "{\"eventId\":\"0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e10\",\"unitConfirmed\":\"true\",\"period\":2023}",
        "{\"eventId\":\"0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e10\",\"indicator\":\"IND-01\",\"indicator\":\"IND-02\",\"unitConfirmed\":true}",
        // nulls and nothing
        "{\"eventId\":null,\"plan\":null,\"value\":null,\"recordedAt\":null,\"actor\":null,\"unitConfirmed\":false}",
        "{\"unitConfirmed\":true}"})
    void givenBodiesInOtherFormsWhenReadThenEachReadsAsTheMapperBindsIt(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);

        assertThat(ObservationReportedBody.read(EventJson.MAPPER, body))
                .isEqualTo(EventJson.MAPPER.readValue(body, ObservationReported.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"eventId\":\"0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e1g\"}",
        "{\"eventId\":\"+b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e10\"}",
        "{\"eventId\":\"0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e10\",\"plan\":\"../IP Plan\"}",
        "{\"eventId\":\"0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e10\",\"recordedAt\":\"2023-02-29T00:00:00Z\"}",
        "{\"eventId\":\"0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e10\",\"value\":[1]}",
        "{\"eventId\":\"0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e10\",\"value\":11.8",
        "[{\"eventId\":\"0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e10\"}]",
        // whether the unit was confirmed is a flag: never missing, never null
        "{\"eventId\":\"0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e10\",\"plan\":\"gi-2026-2030\",\"indicator\":\"IND-01\"}",
        "{\"eventId\":\"0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e10\",\"unitConfirmed\":null}"})
    void givenBodiesTheMapperRefusesWhenReadThenTheyAreRefusedToo(String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);

        assertThat(catchThrowable(() -> EventJson.MAPPER.readValue(body, ObservationReported.class)))
                .as("the mapper refuses it").isNotNull();
        assertThat(catchThrowable(() -> ObservationReportedBody.read(EventJson.MAPPER, body))).isNotNull();
    }

    @Test
    void givenIdsInTheirCanonicalFormWhenReadThenEachIsTheIdWritten() {
        Random random = new Random(7);
        for (int i = 0; i < 10_000; i++) {
            UUID id = new UUID(random.nextLong(), random.nextLong());
            assertThat(ObservationReportedBody.uuid(id.toString())).isEqualTo(id);
            assertThat(ObservationReportedBody.uuid(id.toString().toUpperCase())).isEqualTo(id);
        }
        assertThat(ObservationReportedBody.uuid("0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e1")).isNull();
        assertThat(ObservationReportedBody.uuid("0b6f7a52-3c1e-4f4e-9a51+5d1f2b9c7e10")).isNull();
        assertThat(ObservationReportedBody.uuid("0b6f7a52-3c1e-4f4e-9a51-5d1f2b9c7e1٣")).isNull();
    }

    private static ObservationReported randomEvent(Random random) {
        return new ObservationReported(new UUID(random.nextLong(), random.nextLong()),
                random.nextInt(4) == 0 ? null : "gi-2026-2030", "IND-" + random.nextInt(100),
                random.nextBoolean() ? "2023" : "2025-Q" + (1 + random.nextInt(4)),
                random.nextInt(10) == 0 ? null
                        : new BigDecimal(new BigInteger(random.nextInt(1, 96), random), random.nextInt(0, 12))
                                .multiply(BigDecimal.valueOf(random.nextBoolean() ? 1 : -1)),
                text(random), text(random), "CNIPA", "cnipa-reporter", text(random),
                random.nextInt(10) == 0 ? null
                        : Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), random.nextInt(1_000_000_000)),
                text(random), random.nextBoolean(), text(random));
    }

    private static String text(Random random) {
        if (random.nextInt(5) == 0) {
            return null;
        }
        int from = random.nextInt(TEXTS.length() - 1);
        if (Character.isLowSurrogate(TEXTS.charAt(from))) {
            from++;
        }
        int to = from + random.nextInt(TEXTS.length() - from);
        if (to > from && Character.isHighSurrogate(TEXTS.charAt(to - 1))) {
            to--;
        }
        return TEXTS.substring(from, to);
    }

    private static String utf8(byte[] body) {
        return new String(body, StandardCharsets.UTF_8);
    }
}
