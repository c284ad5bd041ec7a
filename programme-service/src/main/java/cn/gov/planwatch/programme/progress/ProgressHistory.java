package cn.gov.planwatch.programme.progress;

import java.util.List;
import java.util.UUID;

/** The read side of the progress read model: each plan's programmes apart. */
public interface ProgressHistory {

    /** Every report of the plan's programme, revisions included, in log order (oldest first). */
    List<ProgressReport> of(String plan, String programme);

    /** The current revision of each (agency, quarter) of the plan's programme, in log order. */
    List<ProgressReport> current(String plan, String programme);

    /** Whether the report with this event id is in the read model (a resend of a report already in the log). */
    boolean recorded(UUID eventId);
}
