package cn.gov.planwatch.programme.progress;

import cn.gov.planwatch.catalogue.amendment.ReportedElement;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** The read side of the progress read model. */
public interface ProgressHistory {

    /** Every report of the programme, revisions included, in log order (oldest first). */
    List<ProgressReport> of(String programme);

    /** The current revision of each (agency, quarter) of the programme, in log order. */
    List<ProgressReport> current(String programme);

    /** Whether the report with this event id is in the read model (a resend of a report already in the log). */
    boolean recorded(UUID eventId);

    /** The programmes, measures, milestones and agencies named in any report: a plan amendment must keep them. */
    Set<ReportedElement> reportedElements();
}
