package cn.gov.planwatch.reporting.review;

import java.util.List;
import java.util.Objects;

/**
 * What the agency reported on one programme for the quarter under review, line by line beside its report for the
 * latest quarter before ({@code previousQuarter}, null when it had none).
 *
 * @param reported whether it reported on the programme for the quarter at all
 */
public record ProgrammeChange(String slug, String title, boolean reported, String previousQuarter,
        List<Line> lines) {

    public ProgrammeChange {
        lines = List.copyOf(lines);
    }

    /** One thing reported (status, percent complete, a measure, a milestone, summary, risks); null where none. */
    public record Line(String label, String previous, String current) {

        public boolean changed() {
            return current != null && !Objects.equals(previous, current);
        }
    }
}
