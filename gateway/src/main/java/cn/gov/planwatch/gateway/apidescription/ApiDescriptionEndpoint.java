package cn.gov.planwatch.gateway.apidescription;

import cn.gov.planwatch.gateway.problem.ProblemResponses;
import cn.gov.planwatch.gateway.security.GatewaySecurityConfiguration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

import java.net.URI;
import java.util.function.Function;

/**
 * The published API description, as JSON and as YAML, and its reference page for people (Swagger UI reading the
 * JSON). While a service's description cannot be fetched and none was merged before, the answer is a 503 problem
 * with Retry-After (the stack is starting); a conflict between the services' descriptions is a 500 problem.
 */
@RestController
class ApiDescriptionEndpoint {

    static final MediaType YAML = MediaType.parseMediaType("application/yaml");

    private final PublishedApiDescription description;

    ApiDescriptionEndpoint(PublishedApiDescription description) {
        this.description = description;
    }

    @GetMapping("/api/v1/openapi.json")
    Mono<ResponseEntity<String>> json() {
        return served(PublishedApiDescription.Texts::json, MediaType.APPLICATION_JSON);
    }

    @GetMapping("/api/v1/openapi.yaml")
    Mono<ResponseEntity<String>> yaml() {
        return served(PublishedApiDescription.Texts::yaml, YAML);
    }

    /** The page's script is a file of its own: the gateway's content security policy allows no inline script. */
    @GetMapping({"/api/v1/docs", "/api/v1/docs/"})
    ResponseEntity<Resource> referencePage() {
        return ResponseEntity.ok().contentType(MediaType.TEXT_HTML)
                .header("Content-Security-Policy", GatewaySecurityConfiguration.REFERENCE_PAGE_CONTENT_SECURITY_POLICY)
                .body(new ClassPathResource("static/api/v1/docs/index.html"));
    }

    private Mono<ResponseEntity<String>> served(Function<PublishedApiDescription.Texts, String> form,
            MediaType type) {
        return description.texts()
                .map(texts -> ResponseEntity.ok().contentType(type).body(form.apply(texts)))
                .onErrorMap(DescriptionUnavailable.class, unavailable -> refusal(HttpStatus.SERVICE_UNAVAILABLE,
                        "api-description-unavailable", "API description unavailable",
                        "The description of " + unavailable.service() + " cannot be fetched yet (it is starting or "
                                + "down), so the API cannot be described whole. Try again after Retry-After seconds.",
                        unavailable))
                .onErrorMap(ConflictingDescriptions.class, conflict -> refusal(HttpStatus.INTERNAL_SERVER_ERROR,
                        "api-description-conflict", "API description conflict",
                        "The services describe the same path or component differently, so no one description can"
                                + " be published; the conflict is logged.", conflict));
    }

    private static ResponseStatusException refusal(HttpStatus status, String slug, String title, String detail,
            Throwable cause) {
        // Carries the finished problem, which GatewayProblemHandler answers as it is (503 with Retry-After).
        ResponseStatusException refusal = new ResponseStatusException(status, detail, cause);
        ProblemDetail problem = refusal.getBody();
        problem.setType(URI.create(ProblemResponses.TYPE_PREFIX + slug));
        problem.setTitle(title);
        return refusal;
    }
}
