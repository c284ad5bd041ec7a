package cn.gov.planwatch.planrules;

import java.util.Locale;
import java.util.Objects;

/**
 * What a refusal says, in English and in Chinese: English is the text every client has always been answered with,
 * Chinese is for a reader who asks for it. A text written only in English answers in English for either.
 */
public record BilingualText(String en, String zh) {

    public BilingualText {
        Objects.requireNonNull(en, "en");
    }

    public static BilingualText of(String en, String zh) {
        return new BilingualText(en, Objects.requireNonNull(zh, "zh"));
    }

    /** A text nobody has translated yet: it answers in English in every language. */
    public static BilingualText englishOnly(String en) {
        return new BilingualText(en, null);
    }

    public boolean translated() {
        return zh != null;
    }

    /** The Chinese text for a Chinese reader when there is one, else the English. */
    public String in(Locale locale) {
        return zh != null && "zh".equals(locale.getLanguage()) ? zh : en;
    }

    /** {@code field: reason}, with the punctuation of each language. */
    public static BilingualText fieldAndReason(String field, BilingualText reason) {
        return new BilingualText(field + ": " + reason.en(), reason.zh() == null ? null : field + "：" + reason.zh());
    }

    @Override
    public String toString() {
        return en;
    }
}
