package cn.gov.planwatch.platform.input;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

import java.beans.PropertyEditorSupport;
import java.util.function.LongFunction;
import java.util.regex.Pattern;

/**
 * Whole-number query and path parameters are read as plain decimal digits only. Spring's own reading also takes
 * {@code 0x10} (sixteen) and {@code #10}: a parameter the client did not mean would be read as one it did, instead of
 * being refused (400 naming the parameter).
 */
@ControllerAdvice
public class DecimalParameters {

    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,19}");

    @InitBinder
    void decimalDigitsOnly(WebDataBinder binder) {
        // An editor of our own is tried before Spring's conversion and its lenient fallbacks.
        binder.registerCustomEditor(int.class, new Decimal(Math::toIntExact));
        binder.registerCustomEditor(Integer.class, new Decimal(Math::toIntExact));
        binder.registerCustomEditor(long.class, new Decimal(value -> value));
        binder.registerCustomEditor(Long.class, new Decimal(value -> value));
    }

    /** The value of {@code text}; null for empty text (an absent value); refused unless decimal digits. */
    static Long decimal(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!DECIMAL.matcher(text).matches()) {
            throw new IllegalArgumentException("not a whole number in decimal digits: " + text);
        }
        return Long.parseLong(text);
    }

    private static final class Decimal extends PropertyEditorSupport {

        private final LongFunction<Object> narrow;

        Decimal(LongFunction<Object> narrow) {
            this.narrow = narrow;
        }

        @Override
        public void setAsText(String text) {
            Long value = decimal(text);
            try {
                setValue(value == null ? null : narrow.apply(value));
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("out of range: " + text, e);
            }
        }
    }
}
