package cn.gov.planwatch.catalogue;

import java.math.BigDecimal;

public record Target(int year, BigDecimal value) {
}
