package cn.gov.planwatch.platform.problem;

import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.FieldRefusal;
import org.springframework.http.HttpStatus;

import java.util.List;
import java.util.Locale;

/**
 * A refusal the caller can act on, answered as RFC 9457 {@code application/problem+json}.
 * Thrown by the web layer (through {@link Problems}), which also maps the rules' own refusals
 * ({@code PlanRuleException}) to it; nothing has been recorded when it is thrown. Its texts are in
 * English and, where written, Chinese; the answer picks the reader's language.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final BilingualText title;
    private final BilingualText detail;
    private final List<FieldRefusal> refusals;
    private final Long retryAfterSeconds;

    public ProblemException(HttpStatus status, String type, BilingualText title, BilingualText detail,
            List<FieldRefusal> refusals, Long retryAfterSeconds) {
        super(detail.en());
        this.status = status;
        this.type = type;
        this.title = title;
        this.detail = detail;
        this.refusals = List.copyOf(refusals);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** A problem nobody has translated yet: it answers in English in every language. */
    public ProblemException(HttpStatus status, String type, String title, String detail, List<FieldProblem> errors,
            Long retryAfterSeconds) {
        this(status, type, BilingualText.englishOnly(title), BilingualText.englishOnly(detail), errors.stream()
                .map(error -> new FieldRefusal(error.field(), BilingualText.englishOnly(error.message()))).toList(),
                retryAfterSeconds);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title.en();
    }

    public List<FieldProblem> errors() {
        return inLanguageOf(Locale.ENGLISH).errors();
    }

    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /**
     * The problem's texts for a reader of {@code locale}: Chinese when every text of the problem has been written in
     * Chinese, otherwise English throughout, so that one answer never mixes the two.
     */
    public Texts inLanguageOf(Locale locale) {
        boolean chinese = "zh".equals(locale.getLanguage()) && title.translated() && detail.translated()
                && refusals.stream().allMatch(refusal -> refusal.message().translated());
        Locale language = chinese ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        return new Texts(language, title.in(language), detail.in(language),
                refusals.stream().map(refusal -> new FieldProblem(refusal.field(), refusal.message().in(language))).toList());
    }

    /** What the answer says, and in which language. */
    public record Texts(Locale language, String title, String detail, List<FieldProblem> errors) {
    }
}
