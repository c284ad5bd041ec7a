package cn.gov.planwatch.contracts;

import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.contracts.plan.PlanAmended;
import cn.gov.planwatch.contracts.plan.PlanClosed;
import cn.gov.planwatch.contracts.plan.PlanPublished;
import cn.gov.planwatch.contracts.programme.ProgressReported;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateAccepted;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateReturned;
import cn.gov.planwatch.contracts.programme.QuarterlyUpdateSubmitted;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type PlanWatch has ever written; the writer uses the newest version of each kind. */
public final class EventTypes {

    public static final String SPEC_VERSION = "1.0";

    private static final List<EventType> ALL = List.of(ObservationReported.V1, ObservationReported.V2,
            ObservationReported.V3, ProgressReported.V1, ProgressReported.V2, QuarterlyUpdateSubmitted.V1,
            QuarterlyUpdateSubmitted.V2, QuarterlyUpdateAccepted.V1, QuarterlyUpdateAccepted.V2,
            QuarterlyUpdateReturned.V1, QuarterlyUpdateReturned.V2, PlanPublished.V1, PlanAmended.V1, PlanClosed.V1);

    private static final Map<String, EventType> BY_CE_TYPE = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(EventType::ceType, Function.identity()));

    /** The version written for new events of this record class. */
    private static final Map<Class<?>, EventType> WRITTEN = Map.of(ObservationReported.class, ObservationReported.V3,
            ProgressReported.class, ProgressReported.V2,
            QuarterlyUpdateSubmitted.class, QuarterlyUpdateSubmitted.V2,
            QuarterlyUpdateAccepted.class, QuarterlyUpdateAccepted.V2,
            QuarterlyUpdateReturned.class, QuarterlyUpdateReturned.V2,
            PlanPublished.class, PlanPublished.V1,
            PlanAmended.class, PlanAmended.V1,
            PlanClosed.class, PlanClosed.V1);

    public static List<EventType> all() {
        return ALL;
    }

    public static Optional<EventType> byCeType(String ceType) {
        return Optional.ofNullable(BY_CE_TYPE.get(ceType));
    }

    public static EventType writtenFor(PlanEvent event) {
        EventType type = WRITTEN.get(event.getClass());
        if (type == null) {
            throw new IllegalArgumentException("no event type is registered for " + event.getClass().getName());
        }
        return type;
    }

    private EventTypes() {
    }
}
