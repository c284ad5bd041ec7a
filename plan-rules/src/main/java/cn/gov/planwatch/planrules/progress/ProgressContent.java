package cn.gov.planwatch.planrules.progress;

import java.math.BigDecimal;
import java.util.List;

/** What a progress report on a programme says, however it arrived (one request, or a row of a submission). */
public interface ProgressContent {

    String quarter();

    String status();

    BigDecimal percentComplete();

    String summary();

    String risks();

    List<? extends Measure> measures();

    List<? extends Milestone> milestones();

    /** The status of one measure of the programme. */
    interface Measure {

        String code();

        String status();

        String note();
    }

    /** The value reached on one quantified milestone (cumulative). */
    interface Milestone {

        String code();

        BigDecimal value();
    }
}
