package cn.gov.planwatch.catalogue;

import java.math.BigDecimal;

/** A quantified goal of a programme, reported as a number; {@code measure} (a measure code) may be null. */
public record Milestone(String code, String nameZh, String nameEn, BigDecimal target, String unit, String measure) {
}
