package cn.gov.planwatch.platform.problem;

import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.UncategorizedSQLException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/** What PostgreSQL going away looks like to a service, as the fault suite met it, is an outage; a bad row is not. */
class DatabaseOutageTest {

    @Test
    void noConnectionWithinThePoolsTimeoutIsAnOutage() {
        assertThat(DatabaseOutage.causedBy(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        assertThat(DatabaseOutage.causedBy(new CannotCreateTransactionException("Could not open JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
    }

    @Test
    void aServerShuttingDownUnderAQueryIsAnOutageTranslatedOrNot() {
        SQLException adminShutdown = new SQLException("terminating connection due to administrator command", "57P01");
        SQLException ioError = new SQLException("An I/O error occurred while sending to the backend.", "08006");
        assertThat(DatabaseOutage.causedBy(new DataAccessResourceFailureException("query", adminShutdown))).isTrue();
        assertThat(DatabaseOutage.causedBy(new UncategorizedSQLException("commit", null, adminShutdown))).isTrue();
        assertThat(DatabaseOutage.causedBy(new UncategorizedSQLException("query", null, ioError))).isTrue();
    }

    @Test
    void aRefusedRowOrABugIsNotAnOutage() {
        assertThat(DatabaseOutage.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseOutage.causedBy(new IllegalStateException("bug"))).isFalse();
    }
}
