package cn.gov.planwatch.indicator.observation;

import cn.gov.planwatch.platform.problem.ConstraintMessages;
import org.junit.jupiter.api.Test;
import org.springframework.validation.FieldError;

import java.util.ArrayList;
import java.util.List;

import static cn.gov.planwatch.testsupport.BodyConstraints.refusals;
import static org.assertj.core.api.Assertions.assertThat;

/** Whatever a report's body breaks of its shape, a reader of Chinese is told so in Chinese. */
class ObservationConstraintsInChineseTest {

    @Test
    void givenAReportBreakingEveryConstraintOfItsShapeWhenRefusedThenEachFieldsMessageIsWrittenInChinese() {
        List<FieldError> refusals = new ArrayList<>();
        refusals.addAll(refusals(new ObservationRequest(" ", null, "c".repeat(2001), "s".repeat(501), "u".repeat(33))));
        refusals.addAll(refusals(new ObservationRequest("2023-Q1-x", null, null, null, null)));

        assertThat(refusals).extracting(FieldError::getField)
                .contains("period", "value", "comment", "source", "unit");
        assertThat(refusals).allSatisfy(refusal -> assertThat(ConstraintMessages.of(refusal).zh())
                .as("Chinese for %s %s", refusal.getField(), refusal.getCode()).containsPattern("\\p{IsHan}"));
    }
}
