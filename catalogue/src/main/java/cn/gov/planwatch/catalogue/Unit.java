package cn.gov.planwatch.catalogue;

/** An indicator's unit; values are always in this unit, never converted. */
public record Unit(String code, String symbolZh, String nameEn, UnitKind kind) {
}
