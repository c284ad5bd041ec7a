package cn.gov.planwatch.catalogue.spring;

/**
 * The plan the unscoped paths of the API mean ({@code /api/v1/indicators…} rather than
 * {@code /api/v1/plans/{plan}/indicators…}): {@code planwatch.plans.default}, {@code ip-2021-2025} unless configured,
 * so that the integrations written when the product carried one plan keep working unchanged.
 */
public record DefaultPlan(String id) {

    public static final String PROPERTY = "planwatch.plans.default";
    public static final String SHIPPED = "ip-2021-2025";

    /** The plan a request names, or the default plan for a request on an unscoped path (which names none). */
    public String or(String plan) {
        return plan == null ? id : plan;
    }
}
