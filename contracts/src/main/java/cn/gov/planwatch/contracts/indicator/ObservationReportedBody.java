package cn.gov.planwatch.contracts.indicator;

import cn.gov.planwatch.contracts.EventInstants;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.SerializedString;
import tools.jackson.databind.json.JsonMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Reads the JSON body of an {@link ObservationReported} (v2 and v3) straight off the token stream. It is the event
 * projectors fold most of, and binding it through the mapper was two thirds of a profile of a projector folding a
 * backlog. Only the form events are written in is read here — each property at most once, of the JSON type the writer
 * gives it, the id as 36 hexadecimal characters and dashes, the instant in {@link Instant#toString}'s form; any other
 * body is read by the mapper, so what is accepted, and as what, stays the mapper's.
 */
final class ObservationReportedBody {

    /** The properties in the order the mapper writes them, which is the order they are looked for in. */
    private static final List<String> NAMES = List.of("eventId", "plan", "indicator", "period", "value", "comment",
            "source", "agency", "clientId", "traceId", "recordedAt", "unit", "unitConfirmed", "actor");
    private static final int EVENT_ID = 0;
    private static final int VALUE = 4;
    private static final int RECORDED_AT = 10;
    private static final int UNIT_CONFIRMED = 12;
    private static final SerializableString[] EXPECTED = NAMES.stream().map(SerializedString::new)
            .toArray(SerializableString[]::new);

    private ObservationReportedBody() {
    }

    static ObservationReported read(JsonMapper mapper, byte[] body) {
        ObservationReported asWritten = readAsWritten(mapper, body);
        return asWritten != null ? asWritten : mapper.readValue(body, ObservationReported.class);
    }

    /** The event, or null if the body is not in the form events are written in. */
    static ObservationReported readAsWritten(JsonMapper mapper, byte[] body) {
        String[] texts = new String[NAMES.size()];
        UUID eventId = null;
        BigDecimal value = null;
        Instant recordedAt = null;
        boolean unitConfirmed = false;
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            int seen = 0;
            int next = 0;
            while (true) {
                int property;
                if (movesToExpected(parser, next)) {
                    property = next;
                } else if (parser.currentToken() == JsonToken.END_OBJECT) {
                    break;
                } else if (parser.currentToken() != JsonToken.PROPERTY_NAME) {
                    return null;
                } else if ((property = NAMES.indexOf(parser.currentName())) < 0) {
                    parser.nextToken();
                    parser.skipChildren();
                    continue;
                }
                if ((seen & 1 << property) != 0) {
                    return null;
                }
                seen |= 1 << property;
                next = property + 1;
                JsonToken token = parser.nextToken();
                switch (property) {
                    case EVENT_ID -> {
                        if (token == JsonToken.VALUE_STRING) {
                            eventId = uuid(parser.getString());
                            if (eventId == null) {
                                return null;
                            }
                        } else if (token != JsonToken.VALUE_NULL) {
                            return null;
                        }
                    }
                    case VALUE -> {
                        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
                            value = parser.getDecimalValue();
                        } else if (token != JsonToken.VALUE_NULL) {
                            return null;
                        }
                    }
                    case RECORDED_AT -> {
                        if (token == JsonToken.VALUE_STRING) {
                            recordedAt = EventInstants.parseUtc(parser.getString());
                            if (recordedAt == null) {
                                return null;
                            }
                        } else if (token != JsonToken.VALUE_NULL) {
                            return null;
                        }
                    }
                    case UNIT_CONFIRMED -> {
                        if (token != JsonToken.VALUE_TRUE && token != JsonToken.VALUE_FALSE) {
                            return null;
                        }
                        unitConfirmed = token == JsonToken.VALUE_TRUE;
                    }
                    default -> {
                        if (token == JsonToken.VALUE_STRING) {
                            texts[property] = parser.getString();
                        } else if (token != JsonToken.VALUE_NULL) {
                            return null;
                        }
                    }
                }
            }
            if ((seen & 1 << UNIT_CONFIRMED) == 0) {
                // The mapper refuses a body without it: a primitive has no null.
                return null;
            }
        } catch (JacksonException notAsWritten) {
            // The mapper reads it again and says what is wrong in its own words.
            return null;
        }
        return new ObservationReported(eventId, texts[1], texts[2], texts[3], value, texts[5], texts[6], texts[7],
                texts[8], texts[9], recordedAt, texts[11], unitConfirmed, texts[13]);
    }

    /** Moves to the next token and says whether it names the property written after the one read last. */
    private static boolean movesToExpected(JsonParser parser, int next) {
        if (next == EXPECTED.length) {
            parser.nextToken();
            return false;
        }
        return parser.nextName(EXPECTED[next]);
    }

    /** The UUID {@code text} writes in its canonical form (as the mapper reads it), or null if not in that form. */
    static UUID uuid(String text) {
        if (text.length() != 36 || text.charAt(8) != '-' || text.charAt(13) != '-' || text.charAt(18) != '-'
                || text.charAt(23) != '-') {
            return null;
        }
        long most = 0;
        long least = 0;
        int digits = 0;
        for (int i = 0; i < 36; i++) {
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                continue;
            }
            int nibble = Character.digit(text.charAt(i), 16);
            if (nibble < 0 || text.charAt(i) > 'f') {
                return null;
            }
            if (digits++ < 16) {
                most = most << 4 | nibble;
            } else {
                least = least << 4 | nibble;
            }
        }
        return new UUID(most, least);
    }
}
