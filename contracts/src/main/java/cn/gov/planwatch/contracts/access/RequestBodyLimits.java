package cn.gov.planwatch.contracts.access;

import java.util.List;

/**
 * How large a request body may be: the product's limit for every request, except the few endpoints that take a
 * larger document. Applied by the gateway and again by every service, so both refuse the same bodies.
 */
public final class RequestBodyLimits {

    /** A plan document: the shipped plan is about 20 KiB, so a plan many times its size still fits. */
    public static final long PLAN_DOCUMENT_BYTES = 1L << 20;

    /** A submission: a quarter's reports of an agency, up to 10,000 rows, as JSON, CSV or a workbook. */
    public static final long SUBMISSION_BYTES = 5L << 20;

    /** An endpoint that takes more than the general limit. */
    public record Allowance(String method, String pattern, long maxBytes) {

        public Allowance {
            ApiAccessPolicy.PathPatterns.requireSupported(pattern);
        }

        boolean covers(String requestMethod, String path) {
            return method.equals(requestMethod) && ApiAccessPolicy.PathPatterns.matches(pattern, path);
        }
    }

    public static final List<Allowance> ALLOWANCES = List.of(
            new Allowance("PUT", "/api/v1/plans/*", PLAN_DOCUMENT_BYTES),
            new Allowance("POST", "/api/v1/plans/*/submissions", SUBMISSION_BYTES));

    /** The largest body {@code method} on {@code path} may carry, where {@code general} holds for the rest. */
    public static long maxBytes(String method, String path, long general) {
        return ALLOWANCES.stream().filter(allowance -> allowance.covers(method, path))
                .mapToLong(Allowance::maxBytes).findFirst().orElse(general);
    }

    private RequestBodyLimits() {
    }
}
