package cn.gov.planwatch.reporting.evaluation;

import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.reporting.nationalview.NationalViewReader;
import org.springframework.stereotype.Component;

import java.time.Instant;

/** A plan's evaluation, from its national view: what the API answers and the dashboard shows. */
@Component
public class PlanEvaluations {

    private final NationalViewReader reader;
    private final PlanCalendar calendar;

    PlanEvaluations(NationalViewReader reader, PlanCalendar calendar) {
        this.reader = reader;
        this.calendar = calendar;
    }

    /** Now (null {@code asOf}) or as it stood at {@code asOf}; an unknown plan is refused. */
    public PlanEvaluation of(String plan, Instant asOf) {
        return PlanEvaluator.evaluate(reader.view(plan, asOf), calendar.zone());
    }
}
