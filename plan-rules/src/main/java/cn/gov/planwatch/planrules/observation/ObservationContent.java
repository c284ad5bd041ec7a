package cn.gov.planwatch.planrules.observation;

import java.math.BigDecimal;

/**
 * What a report of an indicator's value says, however it arrived (one request, or a row of a submission).
 *
 * <p>{@code unit} is optional: the unit the reporter means, by the catalogue's code or its Chinese symbol.
 */
public interface ObservationContent {

    String period();

    BigDecimal value();

    String comment();

    String source();

    String unit();
}
