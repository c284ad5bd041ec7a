package cn.gov.planwatch.platform.problem;

/**
 * A write failed (its database, typically) after it had handed its event to the event log: the event may be recorded,
 * so the failure is answered as the server's, never "nothing was recorded".
 */
public class FailedAfterAppendException extends RuntimeException {

    public FailedAfterAppendException(Throwable failure) {
        super("the write failed after handing its event to the event log: " + failure, failure);
    }
}
