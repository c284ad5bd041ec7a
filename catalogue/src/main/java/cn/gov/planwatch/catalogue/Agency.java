package cn.gov.planwatch.catalogue;

/** A ministry or agency that leads or shares work under the plan; {@code note} may be null. */
public record Agency(String code, String nameZh, String nameEn, String note) {
}
