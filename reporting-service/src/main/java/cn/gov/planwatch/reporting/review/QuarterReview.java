package cn.gov.planwatch.reporting.review;

import cn.gov.planwatch.reporting.serviceapi.Answer;
import cn.gov.planwatch.reporting.serviceapi.ProgrammeServiceApi.QuarterlyUpdate;

import java.util.List;
import java.util.stream.Stream;

/**
 * Everything one agency reported for one quarter, as the lead agency reviews it.
 *
 * @param update      the update's state as programme-service answers it; null where it did not
 * @param daysWaiting whole days since it was submitted, null unless it awaits review
 * @param failures    the services that did not answer (or refused) the page's reads: what is missing and why
 */
public record QuarterReview(String agency, String agencyName, String quarter, QuarterlyUpdate update,
        String submittedAtText, Long daysWaiting, List<IndicatorChange> indicators,
        List<ProgrammeChange> programmes, List<Answer<?>> failures) {

    public QuarterReview {
        indicators = List.copyOf(indicators);
        programmes = List.copyOf(programmes);
        failures = List.copyOf(failures);
    }

    public boolean awaitingReview() {
        return update != null && update.awaitingReview();
    }

    /** What a return may name: the indicator codes and programme slugs shown, each once. */
    public List<Item> items() {
        return Stream.concat(
                indicators.stream().map(i -> new Item(i.code(), i.code() + " " + i.name())),
                programmes.stream().map(p -> new Item(p.slug(), p.title() + " (" + p.slug() + ")")))
                .distinct().toList();
    }

    /** A checkbox of the return form: {@code value} is what the API is sent. */
    public record Item(String value, String label) {
    }
}
