package cn.gov.planwatch.contracts.plan;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identifier of a plan, e.g. {@code ip-2021-2025}: lower-case letters and digits in words joined by
 * single hyphens, starting with a letter, at most 64 characters. It appears in addresses
 * ({@code /api/v1/plans/{plan}}), as the key of {@code planwatch.plan-events} and in the {@code plan} field of
 * every event that belongs to a plan, so it must be safe in all three without escaping.
 */
public record PlanId(String value) {

    public static final int MAX_LENGTH = 64;

    /** The same rule as {@link #problemWith}, for JSON Schemas ({@code "pattern"}) and API descriptions. */
    public static final String PATTERN = "^[a-z][a-z0-9]*(-[a-z0-9]+)*$";

    private static final Pattern COMPILED = Pattern.compile(PATTERN);

    /**
     * The plan of every event written before events named their plan: the product then carried this plan alone.
     * A reader of such an event version reads it as this plan's, whatever plan is configured as the default.
     */
    public static final PlanId OF_EVENTS_BEFORE_PLANS = new PlanId("ip-2021-2025");

    /**
     * The plan an event belongs to, from the event's {@code plan} field: an event version written before events
     * named their plan has none, and belongs to {@link #OF_EVENTS_BEFORE_PLANS}.
     *
     * @throws IllegalArgumentException if the field holds something that is not a plan id
     */
    public static String ofEvent(String plan) {
        if (plan == null) {
            return OF_EVENTS_BEFORE_PLANS.value();
        }
        // A projector reads thousands of events of one plan in a row: the id last found valid is not matched again.
        if (plan.equals(lastOfEvent)) {
            return plan;
        }
        String valid = new PlanId(plan).value();
        lastOfEvent = valid;
        return valid;
    }

    /** The plan id {@link #ofEvent} last found valid, shared by the threads that read events. */
    private static volatile String lastOfEvent;

    public PlanId {
        problemWith(value).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
    }

    /** Why {@code candidate} is not a plan id, or empty if it is one. */
    public static Optional<String> problemWith(String candidate) {
        if (candidate == null || candidate.isEmpty()) {
            return Optional.of("required");
        }
        if (candidate.length() > MAX_LENGTH) {
            return Optional.of("a plan id has at most " + MAX_LENGTH + " characters, this one " + candidate.length());
        }
        if (!COMPILED.matcher(candidate).matches()) {
            return Optional.of("'" + candidate + "' is not a plan id: lower-case letters and digits in words joined"
                    + " by single hyphens, starting with a letter, e.g. ip-2021-2025");
        }
        return Optional.empty();
    }

    public static boolean isValid(String candidate) {
        return problemWith(candidate).isEmpty();
    }

    @Override
    public String toString() {
        return value;
    }
}
