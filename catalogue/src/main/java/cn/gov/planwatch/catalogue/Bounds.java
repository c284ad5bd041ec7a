package cn.gov.planwatch.catalogue;

import java.math.BigDecimal;

/** The range an indicator's values can take; a null end is open. */
public record Bounds(BigDecimal min, BigDecimal max) {
}
