package cn.gov.planwatch.platform.caller;

/** Finds the caller of the current request; the security configuration decides how. */
@FunctionalInterface
public interface CallerResolver {

    Caller current();
}
