package cn.gov.planwatch.reporting.ops.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Events per second of each topic over the last minute: the sum of its end offsets is sampled every few
 * seconds into a small ring buffer, and the rate is the growth between the oldest and newest sample in
 * the window. Offsets, not consumers, so the rate is what producers write whoever reads it.
 */
@Component
public class EventRateSampler {

    private static final Logger log = LoggerFactory.getLogger(EventRateSampler.class);

    private final StreamsReader reader;
    private final Clock clock;
    private final Duration window;
    private final Duration interval;
    private final Deque<Sample> samples = new ArrayDeque<>();

    EventRateSampler(StreamsReader reader, Clock clock,
            @Value("${planwatch.ops.rate-window:PT1M}") Duration window,
            @Value("${planwatch.ops.rate-sample-interval:PT5S}") Duration interval) {
        this.reader = reader;
        this.clock = clock;
        this.window = window;
        this.interval = interval;
    }

    @Scheduled(fixedDelayString = "${planwatch.ops.rate-sample-interval:PT5S}")
    void sample() {
        Map<String, Long> totals = new HashMap<>();
        try {
            reader.endOffsets(StreamTopics.all()).forEach((tp, end) -> totals.merge(tp.topic(), end, Long::sum));
        } catch (RuntimeException e) {
            // A gap in the samples only widens the next rate's base; the streams endpoint reports the outage.
            log.debug("cannot sample end offsets: {}", e.getMessage());
            return;
        }
        record(new Sample(clock.instant(), totals));
    }

    synchronized void record(Sample sample) {
        samples.addLast(sample);
        Instant oldestKept = sample.at().minus(window).minus(interval);
        while (samples.size() > 2 && samples.peekFirst().at().isBefore(oldestKept)) {
            samples.removeFirst();
        }
    }

    /** Each topic's rate between the oldest sample still inside the window and the newest. */
    public synchronized EventRates rates() {
        if (samples.size() < 2) {
            return new EventRates(Map.of(), window, interval, Duration.ZERO);
        }
        Sample newest = samples.peekLast();
        Sample oldest = samples.stream()
                .filter(s -> !s.at().isBefore(newest.at().minus(window)) && s != newest)
                .findFirst().orElse(null);
        if (oldest == null) {
            return new EventRates(Map.of(), window, interval, Duration.ZERO);
        }
        Duration covered = Duration.between(oldest.at(), newest.at());
        double seconds = covered.toMillis() / 1000.0;
        Map<String, Double> perSecond = new HashMap<>();
        newest.totals().forEach((topic, total) -> {
            Long before = oldest.totals().get(topic);
            if (before != null && seconds > 0) {
                perSecond.put(topic, Math.max(0, total - before) / seconds);
            }
        });
        return new EventRates(perSecond, window, interval, covered);
    }

    record Sample(Instant at, Map<String, Long> totals) {
    }

    /**
     * @param perSecond events per second by topic; a topic is absent until two samples of it exist
     * @param covered   the time between the two samples the rates come from (at most {@code window})
     */
    public record EventRates(Map<String, Double> perSecond, Duration window, Duration interval, Duration covered) {
    }
}
