package cn.gov.planwatch.platform.caller;

import java.util.regex.Pattern;

/** Reads the trace id out of a W3C {@code traceparent} header ({@code 00-<trace id>-<span id>-<flags>}). */
public final class TraceIds {

    private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}");

    public static String fromTraceparent(String header) {
        if (header == null) {
            return null;
        }
        var m = TRACEPARENT.matcher(header.trim());
        return m.matches() ? m.group(1) : null;
    }

    private TraceIds() {
    }
}
