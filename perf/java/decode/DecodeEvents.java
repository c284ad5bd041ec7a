import cn.gov.planwatch.contracts.EventJson;
import cn.gov.planwatch.contracts.indicator.ObservationReported;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;

/**
 * Observation bodies read two ways in one JVM, round after round, alternating: bound by the mapper into the record,
 * and by the decoder the consumers use ({@code ObservationReported.V3.decoder()}). Prints each round and, over the
 * rounds after the warm-up, the median of each and their ratio, as a {@code PERF_RESULT} line.
 */
public class DecodeEvents {

    public static void main(String[] args) {
        int rounds = Integer.parseInt(args[0]);
        int warmRounds = Integer.parseInt(args[1]);
        int bodiesPerRound = 200_000;
        byte[][] bodies = new byte[1_000][];
        Instant at = Instant.parse("2026-12-06T00:00:00.123456Z");
        for (int i = 0; i < bodies.length; i++) {
            bodies[i] = EventJson.MAPPER.writeValueAsBytes(new ObservationReported(UUID.randomUUID(), "perf-bulk",
                    "IND-" + (i % 40), "2026-Q" + (1 + i % 4), new BigDecimal(i + ".25"),
                    i % 3 == 0 ? "季度数据 quarterly figure" : null, "统计公报", "CNIPA", "cnipa-reporter",
                    "4bf92f3577b34da6a3ce929d0e0e4736", at.plusMillis(i), "patents", true, "li.na"));
        }
        double[] mapper = new double[rounds - warmRounds];
        double[] decoder = new double[rounds - warmRounds];
        long read = 0;
        for (int round = 0; round < rounds; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < bodiesPerRound; i++) {
                read += EventJson.MAPPER.readValue(bodies[i % bodies.length], ObservationReported.class).value()
                        .scale();
            }
            long middle = System.nanoTime();
            for (int i = 0; i < bodiesPerRound; i++) {
                read += ((ObservationReported) ObservationReported.V3.decoder()
                        .decode(EventJson.MAPPER, bodies[i % bodies.length])).value().scale();
            }
            long end = System.nanoTime();
            double byMapper = (middle - start) / 1e3 / bodiesPerRound;
            double byDecoder = (end - middle) / 1e3 / bodiesPerRound;
            System.out.printf("round %d%s: mapper %.2f µs per body, decoder %.2f µs per body%n", round + 1,
                    round < warmRounds ? " (warm-up)" : "", byMapper, byDecoder);
            if (round >= warmRounds) {
                mapper[round - warmRounds] = byMapper;
                decoder[round - warmRounds] = byDecoder;
            }
        }
        double m = median(mapper);
        double d = median(decoder);
        System.out.printf("PERF_RESULT mapper_us=%.2f decoder_us=%.2f mapper_over_decoder=%.2f (%d)%n", m, d, m / d,
                read % 7);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
