package cn.gov.planwatch.testsupport;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input of every kind a client can send, as jqwik generators, and the one answer it may get: a 4xx
 * {@code application/problem+json} — never a 5xx, never a 503 that would have the client try again. Every
 * generator yields only values the contract refuses, so a fuzz test may assert that nothing was recorded.
 * Draws are seeded: a failing run is repeated with {@code -Dfuzz.seed=<the seed it printed>}.
 */
public final class HostileInput {

    private static final int GENERATION_SIZE = 1000;

    /** The seed of this run: {@code -Dfuzz.seed} if given, else a fresh one; printed, so a failure can be rerun. */
    public static long seed(String testName) {
        long seed = Long.getLong("fuzz.seed", System.nanoTime());
        System.out.println("[fuzz] " + testName + " seed " + seed + " (rerun with -Dfuzz.seed=" + seed + ")");
        return seed;
    }

    /** {@code count} values of {@code arbitrary}, edge cases included, drawn from {@code random}. */
    public static <T> List<T> draw(Arbitrary<T> arbitrary, int count, Random random) {
        // Generators need a jqwik session; a Jupiter test (which a Spring context requires) opens its own.
        boolean ownSession = !JqwikSession.isActive();
        if (ownSession) {
            JqwikSession.start();
        }
        try {
            RandomGenerator<T> generator = arbitrary.generator(GENERATION_SIZE, true);
            List<T> values = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                values.add(generator.next(random).value());
            }
            return values;
        } finally {
            if (ownSession) {
                JqwikSession.finish();
            }
        }
    }

    /**
     * JSON numbers no figure of a plan can be: an absurd exponent either way, more significant digits than any
     * measurement, more digits after the point than any statistic, or beyond 10^12.
     */
    public static Arbitrary<String> absurdNumbers() {
        Arbitrary<String> sign = Arbitraries.of("", "-");
        Arbitrary<String> hugeExponent = Combinators.combine(sign, Arbitraries.integers().between(1, 9),
                Arbitraries.oneOf(Arbitraries.integers().between(13, 400), Arbitraries.integers().between(401, 99_999)),
                Arbitraries.of("E", "e", "E+"))
                .as((s, digit, exponent, e) -> s + digit + e + exponent);
        Arbitrary<String> tinyExponent = Combinators.combine(sign, Arbitraries.integers().between(1, 9),
                Arbitraries.oneOf(Arbitraries.integers().between(10, 400), Arbitraries.integers().between(401, 99_999)))
                .as((s, digit, exponent) -> s + digit + "E-" + exponent);
        Arbitrary<String> manyDigits = Combinators.combine(sign, Arbitraries.integers().between(1, 9),
                Arbitraries.strings().numeric().ofMinLength(15).ofMaxLength(90), Arbitraries.integers().between(1, 9),
                Arbitraries.integers().between(0, 2))
                .as((s, first, middle, last, point) -> s + (point == 0 ? "0." + first + middle + last
                        : point == 1 ? first + "." + middle + last : "1" + "." + middle + last));
        Arbitrary<String> tooLarge = Combinators.combine(sign, Arbitraries.integers().between(1, 9),
                Arbitraries.strings().numeric().ofMinLength(13).ofMaxLength(16))
                .as((s, first, rest) -> s + first + rest);
        Arbitrary<String> zeroWithAbsurdExponent = Arbitraries.integers().between(10, 99_999)
                .flatMap(exponent -> Arbitraries.of("0E-" + exponent, "0E+" + (exponent + 13), "0.0E-" + exponent));
        return Arbitraries.oneOf(hugeExponent, tinyExponent, manyDigits, tooLarge, zeroWithAbsurdExponent);
    }

    /** JSON values where a number belongs that are no number: strings, booleans, null, containers, NaN. */
    public static Arbitrary<String> nonNumbers() {
        return Arbitraries.of("\"12.1\"", "true", "null", "[12.1]", "{\"v\":1}", "NaN", "Infinity", "-Infinity",
                "0x1F", "1_000", "+1", ".5", "01", "1.", "1e", "--1", "\"\"");
    }

    /**
     * JSON string literals (quotes included) holding a control character, a broken surrogate or a DEL somewhere in
     * otherwise ordinary text: nothing storable or exportable.
     */
    public static Arbitrary<String> unprintableText() {
        Arbitrary<Character> bad = Arbitraries.oneOf(Arbitraries.chars().range('\u0000', '\u0008'),
                Arbitraries.chars().range('\u000b', '\u000c'), Arbitraries.chars().range('\u000e', '\u001f'),
                Arbitraries.chars().range('\u007f', '\u009f'), Arbitraries.chars().range('\ud800', '\udbff'),
                Arbitraries.chars().range('\udc00', '\udfff'));
        Arbitrary<String> around = Arbitraries.strings().withChars("abc 年末统计公报0123").ofMaxLength(20);
        return Combinators.combine(around, bad, around).as((before, c, after) -> json(before + c + after));
    }

    /**
     * Periods the plan {@code firstYear}–{@code lastYear} never accepts: quarters 0 and 5–9, years outside the plan
     * (written with four digits or more), and malformed text of every sort.
     */
    public static Arbitrary<String> badPeriods(int firstYear, int lastYear) {
        Arbitrary<Integer> inPlan = Arbitraries.integers().between(firstYear, lastYear);
        Arbitrary<String> badQuarter = Combinators.combine(inPlan, Arbitraries.of(0, 5, 6, 7, 8, 9))
                .as((year, quarter) -> year + "-Q" + quarter);
        Arbitrary<Integer> outsidePlan = Arbitraries.oneOf(Arbitraries.integers().between(0, firstYear - 1),
                Arbitraries.integers().between(lastYear + 1, 9999));
        Arbitrary<String> outside = Combinators.combine(outsidePlan, Arbitraries.integers().between(0, 4))
                .as((year, quarter) -> String.format("%04d", year) + (quarter == 0 ? "" : "-Q" + quarter));
        Arbitrary<String> malformed = Combinators.combine(inPlan, Arbitraries.of("-q3", "Q3", "-Q", "-Q10", " ",
                "\t", "\n", "-Q3 ", "-03", "/Q3", "-Q３", "-Q-1", "-Q+3", "\u0000")).as((year, tail) -> year + tail);
        Arbitrary<String> junk = Arbitraries.of("", " ", "２０２３", "二〇二三", "20 23", "+2023", "-2023", "2023.0",
                "99999", "NaN", "null", "2023-Q1-Q2", "Q3-2023");
        return Arbitraries.oneOf(badQuarter, outside, malformed, junk);
    }

    /**
     * ISO-8601 instants no view can be asked for: before 2000, after 9999 (expanded years up to a billion), and
     * malformed text.
     */
    public static Arbitrary<String> insaneInstants() {
        Arbitrary<String> early = Arbitraries.integers().between(0, 1999)
                .map(year -> String.format("%04d", year) + "-06-30T16:00:00Z");
        Arbitrary<String> late = Arbitraries.oneOf(Arbitraries.integers().between(10_000, 999_999),
                        Arbitraries.integers().between(1_000_000, 1_000_000_000))
                .map(year -> "+" + year + "-12-31T23:59:59Z");
        Arbitrary<String> negative = Arbitraries.integers().between(1, 1_000_000_000)
                .map(year -> "-" + String.format("%04d", year) + "-01-01T00:00:00Z");
        Arbitrary<String> malformed = Arbitraries.of("2025-06-30", "2025-06-30T16:00:00", "2025-13-01T00:00:00Z",
                "2025-02-30T00:00:00Z", "2025-06-30T24:00:01Z", "now", "1751299200", "2025-06-30T16:00:00+25:00",
                " 2025-06-30T16:00:00Z", "2025-06-30T16:00:00Z\u0000", "２０２５-06-30T16:00:00Z");
        return Arbitraries.oneOf(early, late, negative, malformed);
    }

    /** Dates ({@code YYYY-MM-DD}) before 2000 or after 9999, and malformed ones. */
    public static Arbitrary<String> insaneDates() {
        Arbitrary<String> early = Arbitraries.integers().between(0, 1999)
                .map(year -> String.format("%04d", year) + "-06-30");
        Arbitrary<String> late = Arbitraries.integers().between(10_000, 999_999_999).map(year -> "+" + year + "-12-31");
        Arbitrary<String> malformed = Arbitraries.of("2025-13-01", "2025-02-30", "2025-6-3", "20250630", "30/06/2025",
                "2025-06-30T00:00:00Z", "-999999999-01-01", "+999999999-12-31", "today", "2025-06-30\u0000");
        return Arbitraries.oneOf(early, late, malformed);
    }

    /**
     * Path segments, already percent-encoded as a client would send them, that name nothing: encoded slashes,
     * NUL and other controls, dot segments, backslashes, double encoding, non-ASCII and overlong names.
     */
    public static Arbitrary<String> hostilePathSegments() {
        Arbitrary<String> fixed = Arbitraries.of("%2F", "a%2Fb", "%2f..%2f", "%00", "IND-01%00", "%00IND-01",
                "..%2F..%2Factuator", "%2E%2E", "%5C", "a%5Cb", "%252F", "%25", "%0A", "%0D%0A", "%09", "%7F", "%C0%AF",
                "%E4%B8%AD%E6%96%87", "%F0%9F%98%80", "%FF", "%ED%A0%80", ";", "a;b=c", "%3B", "%20", "+", "~", "*");
        Arbitrary<String> controls = Arbitraries.integers().between(0, 31)
                .map(c -> "X" + String.format("%%%02X", c) + "Y");
        Arbitrary<String> overlong = Arbitraries.integers().between(65, 1500).map("A"::repeat);
        return Arbitraries.oneOf(fixed, controls, overlong);
    }

    /** One request a client could send: with whose token, which method, where, and what body. */
    public record Call(String token, String method, String path, String contentType, String body) {

        public static Call get(String token, String path) {
            return new Call(token, "GET", path, null, null);
        }

        public static Call postJson(String token, String path, String body) {
            return new Call(token, "POST", path, "application/json", body);
        }

        HttpResponse<String> send(String baseUrl) {
            HttpCalls http = new HttpCalls(baseUrl).withToken(token);
            return "GET".equals(method) ? http.get(path) : http.post(path, contentType, body);
        }

        @Override
        public String toString() {
            return method + " " + path + (body == null ? "" : " " + body);
        }
    }

    /**
     * {@code each} calls drawn from every one of {@code endpoints} (so that none goes untried), in one list.
     */
    @SafeVarargs
    public static List<Call> drawEach(int each, Random random, Arbitrary<Call>... endpoints) {
        List<Call> calls = new ArrayList<>();
        for (Arbitrary<Call> endpoint : endpoints) {
            calls.addAll(draw(endpoint, each, random));
        }
        return calls;
    }

    /**
     * Sends every call to {@code baseUrl} and answers those not refused with a 4xx problem, each described —
     * empty when every one was. Prints how many calls got which status.
     */
    static List<String> unrefused(String baseUrl, List<Call> calls) {
        List<String> unrefused = new ArrayList<>();
        java.util.Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (Call call : calls) {
            HttpResponse<String> response = call.send(baseUrl);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            if (!refusedWithProblem(response)) {
                unrefused.add(describe(call.toString(), response));
            }
        }
        System.out.println("[fuzz] " + calls.size() + " calls to " + baseUrl + ", statuses " + statuses);
        return unrefused;
    }

    /**
     * The fuzz tests' whole claim: once {@code groupId} has consumed what {@code consumedTopics} hold, every one of
     * {@code calls} is refused with a 4xx problem, and afterwards {@code allTopics} hold no more records and the read
     * model ({@code readModelRows}) no more rows than before.
     */
    public static void assertRefusedRecordingNothing(String baseUrl, List<Call> calls, String groupId,
            List<String> consumedTopics, List<String> allTopics, LongSupplier readModelRows) {
        String bootstrap = RealInfrastructure.shared().kafkaBootstrapServers();
        // Another test's events may still be on their way into the read model; count only once they have landed.
        for (String topic : consumedTopics) {
            TopicOffsets.awaitConsumed(bootstrap, topic, groupId, Duration.ofSeconds(30));
        }
        long recordsBefore = TopicOffsets.endOffsetSum(bootstrap, allTopics);
        long rowsBefore = readModelRows.getAsLong();

        List<String> unrefused = unrefused(baseUrl, calls);

        assertThat(unrefused).as("answers other than a 4xx problem").isEmpty();
        assertThat(TopicOffsets.endOffsetSum(bootstrap, allTopics)).as("records in " + allTopics)
                .isEqualTo(recordsBefore);
        assertThat(readModelRows.getAsLong()).as("rows in the read model").isEqualTo(rowsBefore);
    }

    /** {@code text} as a JSON string literal, every character outside printable ASCII escaped. */
    public static String json(String text) {
        StringBuilder literal = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                literal.append('\\').append(c);
            } else if (c < 0x20 || c > 0x7e) {
                literal.append(String.format("\\u%04x", (int) c));
            } else {
                literal.append(c);
            }
        }
        return literal.append('"').toString();
    }

    /** {@code text} percent-encoded for a query parameter's value. */
    public static String query(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    /** Whether the answer is what bad input must get: a 4xx problem+json with type, title, status and detail. */
    public static boolean refusedWithProblem(HttpResponse<String> response) {
        String type = response.headers().firstValue("Content-Type").orElse("");
        String body = response.body();
        return response.statusCode() >= 400 && response.statusCode() < 500
                && type.startsWith("application/problem+json")
                && body.contains("\"type\"") && body.contains("\"title\"") && body.contains("\"status\"")
                && body.contains("\"detail\"") && !body.contains("Exception") && !body.contains("\tat ");
    }

    /** One line saying what was sent and what came back, for a failure's message. */
    public static String describe(String request, HttpResponse<String> response) {
        String body = response.body().replaceAll("\\p{Cntrl}", "·");
        return abbreviate(request) + " → " + response.statusCode() + " "
                + response.headers().firstValue("Content-Type").orElse("-") + " " + abbreviate(body);
    }

    private static String abbreviate(String text) {
        String flat = text.replaceAll("\\p{Cntrl}", "·");
        return flat.length() > 160 ? flat.substring(0, 160) + "…(" + text.length() + ")" : flat;
    }

    private HostileInput() {
    }
}
