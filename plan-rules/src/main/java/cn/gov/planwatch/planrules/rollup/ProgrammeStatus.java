package cn.gov.planwatch.planrules.rollup;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Optional;

/**
 * The status an agency reports for a programme or a measure, in order of severity — the order the roll-up uses to
 * find the worst participant: COMPLETED &lt; ON_TRACK &lt; NOT_STARTED &lt; AT_RISK &lt; DELAYED. COMPLETED,
 * ON_TRACK and NOT_STARTED are fine (not yet started is no warning by itself, but says less than work under way);
 * AT_RISK and DELAYED call for attention, DELAYED most.
 */
public enum ProgrammeStatus {
    COMPLETED(0), ON_TRACK(1), NOT_STARTED(2), AT_RISK(3), DELAYED(4);

    public static final Comparator<ProgrammeStatus> BY_SEVERITY = Comparator.comparingInt(ProgrammeStatus::severity);

    private final int severity;

    ProgrammeStatus(int severity) {
        this.severity = severity;
    }

    public int severity() {
        return severity;
    }

    public static Optional<ProgrammeStatus> parse(String text) {
        return Arrays.stream(values()).filter(status -> status.name().equals(text)).findFirst();
    }

    /** The severity of a reported status; below every known one for a status this catalogue does not know. */
    public static int severityOf(String text) {
        return parse(text).map(ProgrammeStatus::severity).orElse(-1);
    }
}
