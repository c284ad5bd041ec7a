package cn.gov.planwatch.gateway;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.UUID;

import static cn.gov.planwatch.gateway.GatewaySecurityTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bodies over 64 KiB are refused with 413, whether or not the client declares their length; a plan document may take
 * 1 MiB.
 */
class BodySizeLimitTest extends GatewayTestBase {

    private static final int KIB = 1024;

    @Test
    void aDeclaredBodyOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        String marker = UUID.randomUUID().toString();
        HttpResponse<String> response = send(request(observations(marker), ISSUER.reporter("SAMR"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(70 * KIB))));

        assertProblem(response, 413, "body-too-large");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(SERVICES.sawAnything(marker)).isEmpty();
    }

    @Test
    void aChunkedBodyOverTheLimitIsRefusedAndNeverReachesTheService() throws Exception {
        String marker = UUID.randomUUID().toString();
        byte[] body = json(70 * KIB);
        // ofInputStream has no known length: the client sends it chunked, without Content-Length.
        HttpResponse<String> response = send(request(observations(marker), ISSUER.reporter("SAMR"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertProblem(response, 413, "body-too-large");
        assertThat(SERVICES.received(marker)).isEmpty();
        assertThat(SERVICES.sawAnything(marker)).isEmpty();
    }

    @Test
    void aChunkedBodyUnderTheLimitReachesTheServiceWhole() throws Exception {
        String marker = UUID.randomUUID().toString();
        byte[] body = json(40 * KIB);
        HttpResponse<String> response = send(request(observations(marker), ISSUER.reporter("SAMR"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SERVICES.received(marker)).singleElement()
                .satisfies(received -> assertThat(received.bodyBytes()).isEqualTo(body.length));
    }

    @Test
    void aBodyOfExactlyTheLimitIsAccepted() throws Exception {
        String marker = UUID.randomUUID().toString();
        HttpResponse<String> response = send(request(observations(marker), ISSUER.reporter("SAMR"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json(64 * KIB))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SERVICES.received(marker)).singleElement()
                .satisfies(received -> assertThat(received.bodyBytes()).isEqualTo(64 * KIB));
    }

    @Test
    void aPlanDocumentTakesOneMebibyteAndNoMore() throws Exception {
        String marker = UUID.randomUUID().toString();
        HttpResponse<String> response = send(request("/api/v1/plans/demo-2026-2030?probe=" + marker, ISSUER.lead())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json(1024 * KIB))));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(SERVICES.received(marker)).singleElement()
                .satisfies(received -> assertThat(received.bodyBytes()).isEqualTo(1024 * KIB));

        String over = UUID.randomUUID().toString();
        assertProblem(send(request("/api/v1/plans/demo-2026-2030?probe=" + over, ISSUER.lead())
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(json(1024 * KIB + 1)))), 413, "body-too-large");
        assertThat(SERVICES.sawAnything(over)).isEmpty();
    }

    private static String observations(String marker) {
        return "/api/v1/indicators/IND-01/observations?probe=" + marker;
    }

    /** A JSON object of exactly {@code size} bytes. */
    private static byte[] json(int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        byte[] head = "{\"comment\":\"".getBytes();
        System.arraycopy(head, 0, body, 0, head.length);
        body[size - 2] = '"';
        body[size - 1] = '}';
        return body;
    }
}
