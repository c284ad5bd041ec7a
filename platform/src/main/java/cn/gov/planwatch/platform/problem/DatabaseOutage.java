package cn.gov.planwatch.platform.problem;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Failures that say the database cannot be reached now (down, restarting, recovering from a crash, out of
 * connections) — not that the request or the event is wrong. A projector retries them until the database is back; a
 * request that has recorded nothing yet answers them with a 503.
 */
public final class DatabaseOutage {

    public static boolean causedBy(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof SQLTransientException || cause instanceof SQLRecoverableException
                    || cause instanceof SQLException sql && connectionLost(sql.getSQLState())) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }

    /**
     * SQLSTATE class 08 (connection exception) and 57P01–57P03 (admin shutdown, crash shutdown, cannot connect now):
     * what the PostgreSQL driver reports, untranslated, when the server goes away under a connection.
     */
    private static boolean connectionLost(String state) {
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    private DatabaseOutage() {
    }
}
