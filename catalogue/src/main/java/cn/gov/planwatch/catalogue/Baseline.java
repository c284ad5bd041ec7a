package cn.gov.planwatch.catalogue;

import java.math.BigDecimal;

/** The value an indicator starts from; {@code note} says where it departs from the table (may be null). */
public record Baseline(int year, BigDecimal value, String note) {
}
