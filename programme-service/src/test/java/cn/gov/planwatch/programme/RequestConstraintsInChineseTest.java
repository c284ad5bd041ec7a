package cn.gov.planwatch.programme;

import cn.gov.planwatch.platform.problem.ConstraintMessages;
import cn.gov.planwatch.programme.progress.ProgressRequest;
import cn.gov.planwatch.programme.progress.ProgressRequest.MeasureEntry;
import cn.gov.planwatch.programme.progress.ProgressRequest.MilestoneEntry;
import cn.gov.planwatch.programme.quarterly.ReturnRequest;
import cn.gov.planwatch.programme.quarterly.SubmissionRequest;
import org.junit.jupiter.api.Test;
import org.springframework.validation.FieldError;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static cn.gov.planwatch.testsupport.BodyConstraints.refusals;
import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a reporter's body breaks of its shape, a reader of Chinese is told so in Chinese. */
class RequestConstraintsInChineseTest {

    @Test
    void givenABodyBreakingEveryConstraintOfItsShapeWhenRefusedThenEachFieldsMessageIsWrittenInChinese() {
        List<MeasureEntry> measures = new ArrayList<>(Collections.nCopies(50, new MeasureEntry("m", "ON_TRACK", null)));
        measures.add(null);
        measures.add(new MeasureEntry("", "x".repeat(33), "n".repeat(1001)));
        List<MilestoneEntry> milestones = new ArrayList<>(Collections.nCopies(50, new MilestoneEntry("m", null)));
        milestones.add(null);
        List<String> items = new ArrayList<>(Collections.nCopies(50, "IND-01"));
        items.add(null);
        items.add("i".repeat(65));

        List<FieldError> refusals = new ArrayList<>();
        refusals.addAll(refusals(new ProgressRequest("", "x".repeat(33), null, "s".repeat(4001), "r".repeat(4001),
                measures, milestones)));
        refusals.addAll(refusals(new ProgressRequest("2025-Q3", " ", null, null, null, null, null)));
        refusals.addAll(refusals(new SubmissionRequest("2025-Q3-x")));
        refusals.addAll(refusals(new SubmissionRequest(" ")));
        refusals.addAll(refusals(new ReturnRequest(" ", items)));
        refusals.addAll(refusals(new ReturnRequest("r".repeat(2001), null)));

        assertThat(refusals).extracting(FieldError::getCode)
                .contains("NotBlank", "NotNull", "Size");
        assertThat(refusals).allSatisfy(refusal -> assertThat(ConstraintMessages.of(refusal).zh())
                .as("Chinese for %s %s", refusal.getField(), refusal.getCode()).containsPattern("\\p{IsHan}"));
    }
}
