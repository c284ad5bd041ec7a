package cn.gov.planwatch.programme.submission;

import cn.gov.planwatch.catalogue.Indicator;
import cn.gov.planwatch.catalogue.Programme;
import cn.gov.planwatch.catalogue.period.ReportingPeriod;
import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.FieldRefusal;
import cn.gov.planwatch.planrules.NotInPlanException;
import cn.gov.planwatch.planrules.NotReporterException;
import cn.gov.planwatch.planrules.PlanRuleException;
import cn.gov.planwatch.planrules.calendar.PlanCalendar;
import cn.gov.planwatch.planrules.input.RefusedInputException;
import cn.gov.planwatch.planrules.observation.IndicatorInPlan;
import cn.gov.planwatch.planrules.observation.ObservationRule;
import cn.gov.planwatch.planrules.progress.ProgressRule;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.problem.ConstraintMessages;
import cn.gov.planwatch.programme.plan.PlanInForce;
import cn.gov.planwatch.programme.plan.PlansInForce;
import org.springframework.stereotype.Component;
import org.springframework.validation.BeanPropertyBindingResult;
import org.springframework.validation.FieldError;
import org.springframework.validation.Validator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Judges every row of a submission by the rules a single report meets — its shape by the same constraints, its content
 * by {@link ObservationRule} and {@link ProgressRule} — and refuses the whole submission, listing every bad row, if
 * any row is bad. A row naming another agency's item refuses the submission as forbidden (403); a row naming an
 * indicator or programme the plan does not have is a bad row like any other (422), so that it is listed with the rest.
 * The same item reported twice for the same period is a bad row too: which of the two would stand is not clear.
 */
@Component
class SubmissionJudge {

    private final PlansInForce plans;
    private final Validator validator;

    SubmissionJudge(PlansInForce plans, Validator validator) {
        this.plans = plans;
        this.validator = validator;
    }

    /** An indicator value that passed: the indicator and the parsed period. */
    record JudgedObservation(BulkSubmission.ObservationRow row, Indicator indicator, ReportingPeriod period) {
    }

    /** A progress report that passed: the programme and the parsed quarter. */
    record JudgedProgress(BulkSubmission.ProgressRow row, Programme programme, ReportingPeriod quarter) {
    }

    record Judged(List<JudgedObservation> observations, List<JudgedProgress> progress) {
    }

    /**
     * @throws SubmissionRefusedException listing every bad row; another {@link PlanRuleException} that refuses the
     *                                     submission as a whole (another agency's item)
     */
    Judged judge(Caller caller, PlanInForce plan, ReadSubmission read) {
        if (caller.agency() == null) {
            throw NotReporterException.noAgency();
        }
        BulkSubmission submission = read.submission();
        List<FieldRefusal> refusals = new ArrayList<>(read.unreadable());
        if (submission.rows() == 0 && refusals.isEmpty()) {
            throw SubmissionRefusedException.empty();
        }
        PlanCalendar calendar = plans.calendar(plan);
        List<JudgedObservation> observations = new ArrayList<>();
        Set<String> reported = new HashSet<>();
        for (int i = 0; i < submission.observations().size(); i++) {
            BulkSubmission.ObservationRow row = submission.observations().get(i);
            int index = i;
            Function<String, String> field = name -> read.addresses().observation(index, name);
            judgeRow(row, field, refusals, () -> {
                Indicator indicator = plan.document().indicator(row.indicator())
                        .orElseThrow(() -> new NotInPlanException("indicator", row.indicator()));
                ReportingPeriod period = ObservationRule.check(caller.agency(),
                        new IndicatorInPlan(plan.document(), indicator), calendar, row);
                once(reported, "indicator " + indicator.code() + " " + period, "period", indicator.code(), period);
                observations.add(new JudgedObservation(row, indicator, period));
            });
        }
        List<JudgedProgress> progress = new ArrayList<>();
        for (int i = 0; i < submission.progress().size(); i++) {
            BulkSubmission.ProgressRow row = submission.progress().get(i);
            int index = i;
            Function<String, String> field = name -> read.addresses().progress(index, name);
            judgeRow(row, field, refusals, () -> {
                Programme programme = plan.document().programme(row.programme())
                        .orElseThrow(() -> new NotInPlanException("programme", row.programme()));
                ReportingPeriod quarter = ProgressRule.check(caller.agency(), programme, calendar, row);
                once(reported, "programme " + programme.slug() + " " + quarter, "quarter", programme.slug(), quarter);
                progress.add(new JudgedProgress(row, programme, quarter));
            });
        }
        if (!refusals.isEmpty()) {
            throw SubmissionRefusedException.of(refusals);
        }
        return new Judged(observations, progress);
    }

    /**
     * A row's shape first (the constraints of the single report), then, if it has the right shape, its content. A
     * refusal of the row is listed; a refusal of the caller (another agency's item) ends the judgement.
     */
    private void judgeRow(Object row, Function<String, String> field, List<FieldRefusal> refusals, Runnable rules) {
        if (row == null) {
            refusals.add(new FieldRefusal(field.apply(""), BilingualText.of("must not be null", "不得为空")));
            return;
        }
        BeanPropertyBindingResult shape = new BeanPropertyBindingResult(row, "row");
        validator.validate(row, shape);
        if (shape.hasFieldErrors()) {
            for (FieldError error : shape.getFieldErrors()) {
                refusals.add(new FieldRefusal(field.apply(error.getField()), ConstraintMessages.of(error)));
            }
            return;
        }
        try {
            rules.run();
        } catch (PlanRuleException refused) {
            if (refused.refusal() == PlanRuleException.Refusal.FORBIDDEN
                    || refused.refusal() == PlanRuleException.Refusal.CONFLICT) {
                throw refused;
            }
            String name = Optional.ofNullable(refused.field()).orElse(refused instanceof NotInPlanException
                    ? (row instanceof BulkSubmission.ObservationRow ? "indicator" : "programme") : "");
            refusals.add(new FieldRefusal(field.apply(name), refused.reasonText()));
        }
    }

    private static void once(Set<String> reported, String key, String field, String item, ReportingPeriod period) {
        if (!reported.add(key)) {
            throw RefusedInputException.implausible(field, BilingualText.of(item
                    + " is reported for " + period + " more than once in this submission",
                    item + " 的 " + period + " 在本次报送中重复出现"));
        }
    }
}
