package cn.gov.planwatch.reporting.desk.internal;

/**
 * What a service answered a page: a value (2xx), a refusal with its problem, or nothing at all ({@code status} 0:
 * it did not answer, or answered something that is not the API's).
 */
public record Answer<T>(String service, int status, T value, Problem problem) {

    static <T> Answer<T> unreachable(String service) {
        return new Answer<>(service, 0, null, null);
    }

    public boolean answered() {
        return status != 0;
    }

    public boolean ok() {
        return status / 100 == 2;
    }

    /** The same answer carrying another value (for a 2xx) or the same refusal. */
    public <U> Answer<U> with(U other) {
        return new Answer<>(service, status, other, problem);
    }
}
