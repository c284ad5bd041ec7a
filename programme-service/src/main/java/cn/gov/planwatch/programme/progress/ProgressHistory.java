package cn.gov.planwatch.programme.progress;

import java.util.List;

/** The read side of the progress read model. */
public interface ProgressHistory {

    /** Every report of the programme, revisions included, in log order (oldest first). */
    List<ProgressReport> of(String programme);

    /** The current revision of each (agency, quarter) of the programme, in log order. */
    List<ProgressReport> current(String programme);
}
