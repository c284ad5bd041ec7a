package cn.gov.planwatch.gateway.apidescription;

/** A service's description could not be fetched (it is not answering, or not with a description). */
public class DescriptionUnavailable extends RuntimeException {

    private final String service;

    DescriptionUnavailable(String service, Throwable cause) {
        super(service + " gave no API description: " + cause, cause);
        this.service = service;
    }

    public String service() {
        return service;
    }
}
