package cn.gov.planwatch.contracts;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.Year;

/**
 * Reads the instants of event bodies. Events write an instant as {@link Instant#toString} does (UTC, a {@code Z},
 * none or some digits of fraction), and that form is read here directly; anything else — an offset, a number, a date
 * that does not exist — is read by Jackson's own reader, as it always was. That reader parses with the ISO formatter,
 * which was a tenth of a projector's time folding a backlog.
 */
public final class EventInstants extends StdScalarDeserializer<Instant> {

    private static final int[] NANOS_PER_DIGIT = {100_000_000, 10_000_000, 1_000_000, 100_000, 10_000, 1_000, 100, 10,
            1};
    private static final int UTC_LENGTH = "2026-01-01T00:00:00Z".length();

    EventInstants() {
        super(Instant.class);
    }

    @Override
    public Instant deserialize(JsonParser parser, DeserializationContext context) {
        if (parser.hasToken(JsonToken.VALUE_STRING)) {
            Instant utc = parseUtc(parser.getString());
            if (utc != null) {
                return utc;
            }
        }
        return InstantDeserializer.INSTANT.deserialize(parser, context);
    }

    /** The instant {@code text} names as {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, or null if it is not in that form. */
    public static Instant parseUtc(String text) {
        int length = text.length();
        int fractionDigits = length - UTC_LENGTH - 1;
        if (length < UTC_LENGTH || fractionDigits == 0 || fractionDigits > NANOS_PER_DIGIT.length
                || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
                || text.charAt(16) != ':' || text.charAt(length - 1) != 'Z'
                || length > UTC_LENGTH && text.charAt(UTC_LENGTH - 1) != '.') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int fraction = fractionDigits < 0 ? 0 : digits(text, UTC_LENGTH, length - 1);
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > Month.of(month).length(Year.isLeap(year))
                || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 59 || fraction < 0) {
            return null;
        }
        long seconds = LocalDate.of(year, month, day).toEpochDay() * 86_400 + hour * 3_600 + minute * 60 + second;
        long nanos = fractionDigits < 0 ? 0 : (long) fraction * NANOS_PER_DIGIT[fractionDigits - 1];
        return Instant.ofEpochSecond(seconds, nanos);
    }

    /** The number the decimal digits from {@code from} to {@code to} (exclusive) write, or -1 if one is not a digit. */
    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
