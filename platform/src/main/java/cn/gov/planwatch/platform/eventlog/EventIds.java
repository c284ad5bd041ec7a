package cn.gov.planwatch.platform.eventlog;

import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

import java.util.UUID;

/**
 * Ids for new events. A write under an {@code Idempotency-Key} takes the id claimed with the key: a resend
 * after an unknown outcome (the service died mid-answer, the log did not confirm) then appends an event with
 * the same id, which every read model applies once — whether or not the first attempt reached the log.
 */
public final class EventIds {

    /** Request attribute: the id claimed with the request's Idempotency-Key, until a write takes it. */
    public static final String CLAIMED = EventIds.class.getName() + ".claimed";

    /** Request attribute, present while a resend under an Idempotency-Key runs its write again. */
    public static final String RESENDING = EventIds.class.getName() + ".resending";

    /**
     * Whether the current request resends an earlier attempt whose outcome was unknown: only then can its event
     * be in the log already, so only then is it worth looking up.
     */
    public static boolean resending() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        return request != null && request.getAttribute(RESENDING, RequestAttributes.SCOPE_REQUEST) != null;
    }

    /** The id for the one event the current request appends. */
    public static UUID next() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null && request.getAttribute(CLAIMED, RequestAttributes.SCOPE_REQUEST) instanceof UUID claimed) {
            // Taken once: a second event in the same request must not share the first one's id.
            request.removeAttribute(CLAIMED, RequestAttributes.SCOPE_REQUEST);
            return claimed;
        }
        return UUID.randomUUID();
    }

    private EventIds() {
    }
}
