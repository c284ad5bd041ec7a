package cn.gov.planwatch.platform.eventlog;

import cn.gov.planwatch.platform.idempotency.IdempotentWrites;
import cn.gov.planwatch.platform.problem.FailedAfterAppendException;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A write whose database fails is answered "nothing was recorded" (503) only while it has handed nothing to the
 * event log; after that, the failure reaches the web layer as a {@link FailedAfterAppendException}, which it answers as
 * the server's (500). Writes without an {@code Idempotency-Key}, so no database is needed to claim one.
 */
class HandedToLogTest {

    private final IdempotentWrites writes = new IdempotentWrites(null, null, "test", Clock.systemUTC(),
            Duration.ofMinutes(2), Duration.ofDays(30));
    private final CannotGetJdbcConnectionException outage = new CannotGetJdbcConnectionException(
            "Failed to obtain JDBC Connection", new SQLTransientConnectionException("Connection is not available"));

    @Test
    void aDatabaseOutageBeforeTheAppendReachesTheWebLayerAsTheOutage() {
        Throwable failure = catchThrowable(() -> write(claim -> {
            throw outage;
        }));

        assertThat(failure).isSameAs(outage);
    }

    @Test
    void aDatabaseOutageAfterTheEventWasHandedToTheLogIsAFailureAfterAppend() {
        Throwable failure = catchThrowable(() -> write(claim -> {
            claim.handOver();
            throw outage;
        }));

        assertThat(failure).isInstanceOf(FailedAfterAppendException.class).hasCause(outage);
    }

    @Test
    void anyOtherFailureAfterTheAppendIsThrownAsItIs() {
        IllegalStateException defect = new IllegalStateException("defect");

        Throwable failure = catchThrowable(() -> write(claim -> {
            claim.handOver();
            throw defect;
        }));

        assertThat(failure).isSameAs(defect);
    }

    private void write(Function<EventClaim, String> write) {
        writes.once(null, null, "/api/v1/test", null, String.class, write, ResponseEntity::ok);
    }
}
