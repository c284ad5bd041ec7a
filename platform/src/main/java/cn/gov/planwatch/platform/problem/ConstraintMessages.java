package cn.gov.planwatch.platform.problem;

import cn.gov.planwatch.planrules.BilingualText;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.context.support.ResourceBundleMessageSource;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * What a bean-validation constraint says about a field: in English the validator's own text, as clients have always
 * read it; in Chinese the text {@code planwatch-constraint-messages_zh.properties} gives for the constraint (looked up
 * by Spring's message codes, most specific first: {@code Size.java.util.List} before {@code Size}).
 */
public final class ConstraintMessages {

    /** Only a Chinese bundle, and no fallback to the server's locale: a missing text is missing, not English. */
    private static final ResourceBundleMessageSource CHINESE = new ResourceBundleMessageSource();

    static {
        CHINESE.setBasename("planwatch-constraint-messages");
        CHINESE.setDefaultEncoding(StandardCharsets.UTF_8.name());
        CHINESE.setFallbackToSystemLocale(false);
        CHINESE.setUseCodeAsDefaultMessage(false);
    }

    /** The constraint's message in both languages, or English only when no Chinese text is written for it. */
    public static BilingualText of(MessageSourceResolvable error) {
        String english = error.getDefaultMessage();
        try {
            return BilingualText.of(english, CHINESE.getMessage(
                    new DefaultMessageSourceResolvable(error.getCodes(), error.getArguments()),
                    Locale.SIMPLIFIED_CHINESE));
        } catch (NoSuchMessageException untranslated) {
            return BilingualText.englishOnly(english);
        }
    }

    private ConstraintMessages() {
    }
}
