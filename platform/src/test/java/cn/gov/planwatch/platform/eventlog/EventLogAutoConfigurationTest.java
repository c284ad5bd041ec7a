package cn.gov.planwatch.platform.eventlog;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

import static org.assertj.core.api.Assertions.assertThat;

class EventLogAutoConfigurationTest {

    @Test
    void aDatabaseOutageIsRetriedUntilItEndsInsteadOfDeadLettered() {
        var outage = new ListenerExecutionFailedException("listener failed",
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection"));
        assertThat(EventLogAutoConfiguration.databaseUnavailable(outage)).isTrue();
    }

    @Test
    void aBadEventIsNotMistakenForAnOutage() {
        var bad = new ListenerExecutionFailedException("listener failed",
                new DataIntegrityViolationException("value too long"));
        assertThat(EventLogAutoConfiguration.databaseUnavailable(bad)).isFalse();
        assertThat(EventLogAutoConfiguration.databaseUnavailable(new IllegalStateException("bug"))).isFalse();
    }
}
