package cn.gov.planwatch.platform.problem;

import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.testsupport.BodyConstraints;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.junit.jupiter.api.Test;
import org.springframework.validation.FieldError;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A field a request body's constraint refuses is explained in Chinese to a Chinese reader, and in the validator's own
 * English, unchanged, to everyone else.
 */
class ConstraintMessagesTest {

    record Sample(
            @NotBlank @Size(max = 7) String period,
            @NotNull BigDecimal value,
            @Size(max = 3) String comment,
            @Size(max = 2) List<@NotNull @Size(max = 4) String> items,
            @NotEmpty List<String> measures,
            @Min(1) @Max(100) int percent,
            @Pattern(regexp = "[A-Z]+") String code) {
    }

    @Test
    void givenEachConstraintARequestCanBreakWhenRefusedThenItsMessageIsInBothLanguages() {
        Map<String, BilingualText> messages = refusals(new Sample("", null, "年末数据说明", List.of("a", "b", "c"),
                List.of(), 0, "abc"));

        assertThat(messages).containsEntry("period", BilingualText.of("must not be blank", "不得为空"))
                .containsEntry("value", BilingualText.of("must not be null", "不得为空"))
                .containsEntry("comment", BilingualText.of("size must be between 0 and 3", "长度须在 0 至 3 个字符之间"))
                .containsEntry("items", BilingualText.of("size must be between 0 and 2", "须包含 0 至 2 项"))
                .containsEntry("measures", BilingualText.of("must not be empty", "不得为空"))
                .containsEntry("percent", BilingualText.of("must be greater than or equal to 1", "不得小于 1"))
                .containsEntry("code", BilingualText.of("must match \"[A-Z]+\"", "格式不正确"));
        assertThat(refusals(new Sample("2025-Q3", BigDecimal.ONE, null, List.of("abcdefgh"), List.of("m"), 2000,
                null))).containsEntry("items[0]", BilingualText.of("size must be between 0 and 4",
                        "长度须在 0 至 4 个字符之间"))
                .containsEntry("percent", BilingualText.of("must be less than or equal to 100", "不得大于 100"));
    }

    @Test
    void everyChineseConstraintTextIsChinese() throws IOException {
        Properties chinese = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/planwatch-constraint-messages_zh.properties")) {
            chinese.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        assertThat(chinese).isNotEmpty();
        assertThat(chinese.values()).allSatisfy(text -> assertThat((String) text).containsPattern("\\p{IsHan}"));
    }

    private static Map<String, BilingualText> refusals(Sample sample) {
        return BodyConstraints.refusals(sample).stream().collect(Collectors.toMap(FieldError::getField,
                ConstraintMessages::of, (first, second) -> first));
    }
}
