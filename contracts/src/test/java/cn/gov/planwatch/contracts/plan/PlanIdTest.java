package cn.gov.planwatch.contracts.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** A plan id is safe in an address, a Kafka key and an event field alike. */
class PlanIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"ip-2021-2025", "demo-2026-2030", "a", "ecology15", "x-1-2-3"})
    void givenAnIdOfLowerCaseWordsJoinedByHyphens_whenChecked_thenItIsAPlanId(String id) {
        assertThat(PlanId.problemWith(id)).isEmpty();
        assertThat(new PlanId(id).value()).isEqualTo(id);
        assertThat(id).matches(PlanId.PATTERN);
    }

    @ParameterizedTest
    @ValueSource(strings = {"IP-2021-2025", "2021-2025", "-ip", "ip-", "ip--2021", "ip 2021", "ip_2021", "规划",
            "ip/2021", "ip-2021-2025\n"})
    void givenAnythingElse_whenChecked_thenItIsRefusedWithTheRule(String id) {
        assertThat(PlanId.problemWith(id)).get().asString().contains("is not a plan id");
        assertThatThrownBy(() -> new PlanId(id)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @NullAndEmptySource
    void givenNoId_whenChecked_thenItIsRequired(String id) {
        assertThat(PlanId.problemWith(id)).contains("required");
    }

    @Test
    void givenAnIdLongerThanSixtyFourCharacters_whenChecked_thenItIsRefused() {
        assertThat(PlanId.isValid("p".repeat(64))).isTrue();
        assertThat(PlanId.problemWith("p".repeat(65))).get().asString().contains("at most 64");
    }

    @Test
    void givenEventsOfOnePlanThenAnotherWhenReadThenEachPlanIsCheckedAndAnIdThatIsNotOneIsRefusedStill() {
        assertThat(PlanId.ofEvent(null)).isEqualTo("ip-2021-2025");
        assertThat(PlanId.ofEvent("demo-2026-2030")).isEqualTo("demo-2026-2030");
        assertThat(PlanId.ofEvent("demo-2026-2030")).isEqualTo("demo-2026-2030");
        assertThatThrownBy(() -> PlanId.ofEvent("demo-2026-2030\n")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlanId.ofEvent("Demo-2026-2030")).isInstanceOf(IllegalArgumentException.class);
        assertThat(PlanId.ofEvent("ip-2021-2025")).isEqualTo("ip-2021-2025");
        assertThatThrownBy(() -> PlanId.ofEvent("")).isInstanceOf(IllegalArgumentException.class);
    }
}
