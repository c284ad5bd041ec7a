package cn.gov.planwatch.reporting.nationalview;

import cn.gov.planwatch.platform.input.InvalidInputException;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The moment a view is asked for: the {@code asOf} query parameter (an ISO-8601 instant) or the dashboard's
 * {@code date} (the end of that day in the plan's zone). Only moments of this millennium are sane: ISO-8601 lets a
 * year run to a billion, which no calendar of the plan, the database or a chart can hold.
 */
public final class AsOf {

    public static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** How the API description states the {@code asOf} parameter; its bounds are {@link #EARLIEST}, {@link #LATEST}. */
    public static final String PARAMETER = "The instant wanted (ISO-8601, UTC), between 2000-01-01T00:00:00Z and"
            + " 9999-12-31T23:59:59.999999999Z; absent: now. Only events recorded by then count / 所需时刻（ISO-8601），"
            + "缺省为当前；仅计入此前记录的事件";

    /** @return null when absent; a malformed input naming {@code asOf} when unreadable or outside the sane range */
    public static Instant parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        Instant at;
        try {
            at = Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.malformed("asOf",
                    "must be an ISO-8601 instant, e.g. 2025-06-30T16:00:00Z / 须为 ISO-8601 时刻");
        }
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw InvalidInputException.malformed("asOf", "must lie between " + EARLIEST + " and " + LATEST
                    + " / 须在 2000 年至 9999 年之间");
        }
        return at;
    }

    /**
     * The first instant after the day {@code text} ({@code YYYY-MM-DD}) in {@code zone}: the view as it stood at
     * the end of that day. A malformed input naming {@code date} when unreadable or outside 2000–9999.
     */
    public static Instant endOfDay(String text, ZoneId zone) {
        LocalDate day;
        try {
            day = LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw InvalidInputException.malformed("date", "must be a date, YYYY-MM-DD / 须为日期 YYYY-MM-DD");
        }
        if (day.getYear() < 2000 || day.getYear() > 9999) {
            throw InvalidInputException.malformed("date", "must lie between 2000-01-01 and 9999-12-31"
                    + " / 须在 2000 年至 9999 年之间");
        }
        try {
            return day.plusDays(1).atStartOfDay(zone).toInstant();
        } catch (DateTimeException e) {
            throw InvalidInputException.malformed("date", "is not a day of the calendar / 不是有效日期");
        }
    }

    private AsOf() {
    }
}
