package cn.gov.planwatch.planrules.input;

import cn.gov.planwatch.planrules.BilingualText;

import java.math.BigDecimal;

/**
 * What any number a reporter sends must be before a rule of its own looks at it: a figure a national plan could
 * hold. JSON lets a number have any exponent and any number of digits; {@code 1E-10000} or a value of 80
 * significant digits is well-formed, but cannot be stored, written to the event log as plain digits, or charted.
 * Refusing it here keeps such a value from ever reaching the log or a read model, where its failure would look
 * like an outage.
 */
public final class PlausibleDecimals {

    /** Beyond this magnitude no figure of a national plan is plausible, whatever its unit. */
    public static final BigDecimal LARGEST = new BigDecimal("1e12");
    /** Digits after the decimal point; more than any statistic is published with. */
    public static final int MAX_FRACTION_DIGITS = 9;
    /** An exponent beyond the largest figure's ({@code 1E+12}) only ever dresses up a zero. */
    private static final int MAX_INTEGER_DIGITS = 12;
    /** Significant digits; more than any measured figure holds (and more than a double keeps). */
    public static final int MAX_SIGNIFICANT_DIGITS = 15;

    /**
     * @throws RefusedInputException (implausible, naming {@code field}) for an absurd magnitude, scale or precision
     */
    public static BigDecimal require(String field, BigDecimal value) {
        if (value == null) {
            return null;
        }
        // Compared by adjusted exponent first, so even 1E+10000 costs nothing to check.
        if (value.abs().compareTo(LARGEST) > 0) {
            throw RefusedInputException.implausible(field, BilingualText.of("is beyond any plausible figure (at most"
                    + " 10^12 in magnitude) / 超出合理数值范围（绝对值不超过 10^12）", "超出合理数值范围（绝对值不超过 10^12）"));
        }
        // The scale as sent, trailing zeros included: 0E-10000 is zero, but the log would have to write it out
        // with ten thousand zeros (and refuses to).
        if (value.scale() > MAX_FRACTION_DIGITS || value.scale() < -MAX_INTEGER_DIGITS) {
            String zh = "小数位数超过 " + MAX_FRACTION_DIGITS + " 位或指数不合理";
            throw RefusedInputException.implausible(field, BilingualText.of("has more than " + MAX_FRACTION_DIGITS
                    + " digits after the decimal point, or an absurd exponent / " + zh, zh));
        }
        if (value.stripTrailingZeros().precision() > MAX_SIGNIFICANT_DIGITS) {
            String zh = "有效数字超过 " + MAX_SIGNIFICANT_DIGITS + " 位";
            throw RefusedInputException.implausible(field, BilingualText.of("has more than " + MAX_SIGNIFICANT_DIGITS
                    + " significant digits / " + zh, zh));
        }
        return value;
    }

    /**
     * A whole number within {@code [min, max]}, e.g. a percentage complete: plausible first, then whole, then in range.
     *
     * @throws RefusedInputException naming {@code field}: malformed when not whole, implausible otherwise
     */
    public static int wholeNumber(String field, BigDecimal value, int min, int max) {
        require(field, value);
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > 0) {
            // A fraction where a whole number belongs is the wrong type of value, as the contract counts it (400).
            throw RefusedInputException.malformed(field, BilingualText.of("must be a whole number / 须为整数", "须为整数"));
        }
        if (value.compareTo(BigDecimal.valueOf(min)) < 0 || value.compareTo(BigDecimal.valueOf(max)) > 0) {
            String zh = "须在 " + min + "–" + max + " 之间";
            throw RefusedInputException.implausible(field, BilingualText.of("must be " + min + "–" + max + " / " + zh,
                    zh));
        }
        return value.intValueExact();
    }

    private PlausibleDecimals() {
    }
}
