package cn.gov.planwatch.launcher;

/** The stack cannot start; the message says why and what to do, and is printed as it is. */
public final class StartFailure extends RuntimeException {

    public StartFailure(String message) {
        super(message, null, false, false);
    }
}
