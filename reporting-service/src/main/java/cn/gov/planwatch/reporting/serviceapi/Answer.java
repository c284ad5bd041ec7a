package cn.gov.planwatch.reporting.serviceapi;

/**
 * What a service answered a page: its status and, on success, the body read; on a refusal, its problem. {@code status}
 * 0 means it did not answer, or answered something that is not the API's.
 */
public record Answer<T>(String service, int status, T body, Problem problem) {

    static <T> Answer<T> unanswered(String service) {
        return new Answer<>(service, 0, null, null);
    }

    public boolean answered() {
        return status != 0;
    }

    public boolean ok() {
        return status / 100 == 2;
    }

    /** The same refusal or silence, for a caller that expected another body. */
    public <U> Answer<U> failure() {
        return new Answer<>(service, status, null, problem);
    }
}
