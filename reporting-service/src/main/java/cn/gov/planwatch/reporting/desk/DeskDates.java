package cn.gov.planwatch.reporting.desk;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Instants as the desk shows them: to the minute, in the plan's zone. */
public record DeskDates(ZoneId zone) {

    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    public String at(Instant instant) {
        return instant == null ? "—" : MINUTE.format(instant.atZone(zone));
    }
}
