package cn.gov.planwatch.planrules.rollup;

import cn.gov.planwatch.contracts.programme.ProgressReported;

import java.util.List;
import java.util.UUID;

/** One agency's progress report on a programme for a quarter, as much of it as the roll-up reads. */
public interface ProgrammeReport {

    UUID eventId();

    String agency();

    /** {@code YYYY-Qn}. */
    String quarter();

    String status();

    int percentComplete();

    /** Cumulative values reached on the programme's milestones. */
    List<ProgressReported.MilestoneValue> milestones();
}
