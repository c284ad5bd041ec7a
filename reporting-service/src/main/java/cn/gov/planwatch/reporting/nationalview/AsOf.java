package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.platform.problem.Problems;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** The {@code asOf} query parameter: an ISO-8601 instant, or absent for now. */
public final class AsOf {

    /** @return null when absent; a 400 problem naming {@code asOf} when malformed */
    public static Instant parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw Problems.invalidField("asOf", "must be an ISO-8601 instant, e.g. 2025-06-30T16:00:00Z");
        }
    }

    private AsOf() {
    }
}
