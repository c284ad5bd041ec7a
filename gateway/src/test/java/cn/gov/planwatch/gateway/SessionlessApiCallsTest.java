package cn.gov.planwatch.gateway;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.web.server.session.WebSessionManager;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An API call with a bearer token is answered without a session: none is looked up or made up for it, which would
 * cost each call a trip to Redis or two hops to other threads. A request with the session cookie still has its
 * session.
 */
@Import(SessionlessApiCallsTest.SessionsLoaded.class)
class SessionlessApiCallsTest extends GatewayTestBase {

    /** The request URI of every exchange whose session was loaded (looked up, or made up when there was none). */
    static final List<String> LOADED = new CopyOnWriteArrayList<>();

    @TestConfiguration
    static class SessionsLoaded {

        @Bean
        static BeanPostProcessor countSessionsLoaded() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    if (bean instanceof WebSessionManager sessions) {
                        return (WebSessionManager) exchange -> sessions.getSession(exchange)
                                .doOnSubscribe(subscription -> LOADED.add(exchange.getRequest().getURI().toString()));
                    }
                    return bean;
                }
            };
        }
    }

    @Test
    void readsAndWritesWithABearerTokenLoadNoSession() throws Exception {
        String token = ISSUER.reporter("SAMR");
        String readMarker = UUID.randomUUID().toString();
        String writeMarker = UUID.randomUUID().toString();
        String body = "{\"period\":\"2023\",\"value\":11.8,\"comment\":\"年末数据\"}";

        HttpResponse<String> read = get("/api/v1/indicators?probe=" + readMarker, token);
        HttpResponse<String> write = send(request("/api/v1/indicators/IND-03/observations?probe=" + writeMarker, token)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(write.statusCode()).as(write.body()).isEqualTo(200);
        assertThat(SERVICES.received(writeMarker)).singleElement()
                .satisfies(received -> assertThat(received.authorization()).isEqualTo("Bearer " + token));
        assertThat(LOADED).noneMatch(uri -> uri.contains(readMarker) || uri.contains(writeMarker));
    }

    @Test
    void aRequestWithTheSessionCookieHasItsSessionLoaded() throws Exception {
        String marker = UUID.randomUUID().toString();

        HttpResponse<String> read = send(request("/api/v1/indicators?probe=" + marker, ISSUER.reporter("SAMR"))
                .header("Cookie", BrowserLogin.SESSION + "=" + UUID.randomUUID()).GET());

        assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
        assertThat(LOADED).anyMatch(uri -> uri.contains(marker));
    }
}
