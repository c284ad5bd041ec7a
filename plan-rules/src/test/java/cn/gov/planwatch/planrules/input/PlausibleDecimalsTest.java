package cn.gov.planwatch.planrules.input;

import cn.gov.planwatch.planrules.PlanRuleException;

import cn.gov.planwatch.contracts.EventJson;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import java.math.BigDecimal;
import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Numbers of every exponent, scale and precision: what the rule lets through, the event log can always write as
 * plain digits and read back unchanged; what it refuses, it refuses as an implausible input naming the field.
 */
class PlausibleDecimalsTest {

    @Property(tries = 2000)
    void whatPassesCanBeWrittenToTheLogAndWhatFailsNamesItsField(@ForAll("anyDecimal") BigDecimal value) {
        Throwable refusal = catchThrowable(() -> PlausibleDecimals.require("value", value));
        Statistics.collect(refusal == null ? "accepted" : "refused");
        if (refusal == null) {
            String json = EventJson.MAPPER.writeValueAsString(new Figure(value));
            assertThat(EventJson.MAPPER.readValue(json, Figure.class).value()).isEqualByComparingTo(value);
            assertThat(json.length()).as(json).isLessThan(60);
        } else {
            assertThat(refusal).isInstanceOfSatisfying(RefusedInputException.class, e -> {
                assertThat(e.field()).isEqualTo("value");
                assertThat(e.refusal()).isEqualTo(PlanRuleException.Refusal.IMPLAUSIBLE);
            });
        }
    }

    @Property(tries = 500)
    void aPlausibleWholeNumberInRangeIsAcceptedAndNothingElse(@ForAll("anyDecimal") BigDecimal value) {
        boolean whole = value.stripTrailingZeros().scale() <= 0;
        boolean inRange = value.compareTo(BigDecimal.ZERO) >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0;
        boolean plausible = catchThrowable(() -> PlausibleDecimals.require("percentComplete", value)) == null;
        if (plausible && whole && inRange) {
            assertThat(PlausibleDecimals.wholeNumber("percentComplete", value, 0, 100)).isEqualTo(value.intValue());
        } else {
            assertThatThrownBy(() -> PlausibleDecimals.wholeNumber("percentComplete", value, 0, 100))
                    .isInstanceOfSatisfying(RefusedInputException.class,
                            e -> assertThat(e.field()).isEqualTo("percentComplete"));
        }
    }

    @Example
    void theAbsurdNumbersAnOutsiderSentAreRefused() {
        for (String absurd : new String[] {"1E-10000", "1E+10000", "-1E+10000", "0." + "1".repeat(80),
                "1".repeat(40) + "E-30", "1.000000000000000000001",
                "0E-10000", "0E+10000", "123456789.123456789"}) {
            assertThatThrownBy(() -> PlausibleDecimals.require("value", new BigDecimal(absurd))).as(absurd)
                    .isInstanceOf(RefusedInputException.class);
        }
    }

    @Example
    void figuresOfThePlanPass() {
        for (String plain : new String[] {"0", "12.1", "-0.5", "1E+12", "0.000000001", "123456789012.123", "11.80"}) {
            assertThat(PlausibleDecimals.require("value", new BigDecimal(plain))).as(plain)
                    .isEqualByComparingTo(plain);
        }
    }

    /** Unscaled values up to 90 digits, exponents far beyond anything plausible either way. */
    @Provide
    Arbitrary<BigDecimal> anyDecimal() {
        Arbitrary<BigInteger> unscaled = Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(90)
                .map(BigInteger::new).flatMap(n -> Arbitraries.of(n, n.negate()));
        Arbitrary<Integer> scale = Arbitraries.oneOf(Arbitraries.integers().between(-20, 20),
                Arbitraries.integers().between(-20_000, 20_000));
        return net.jqwik.api.Combinators.combine(unscaled, scale).as(BigDecimal::new);
    }

    record Figure(BigDecimal value) {
    }
}
