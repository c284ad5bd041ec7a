package cn.gov.planwatch.gateway;

import cn.gov.planwatch.testsupport.HostileInput;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpTimeoutException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated hostile paths on every route of the gateway, for every role: the gateway itself never fails (no 5xx),
 * and a path the firewall must refuse — an encoded slash, backslash, percent sign, NUL or line break — is a 400
 * problem that never reaches a service. Rerun a failing draw with {@code -Dfuzz.seed=<seed printed>}.
 */
class GatewayHostileInputTest extends GatewayTestBase {

    private static final int TRIES_PER_ROUTE = 25;
    /**
     * What the gateway's firewall refuses in a path, encoded: slash, backslash, percent, NUL, CR and LF. (Other
     * control characters pass it, and the service behind refuses them.)
     */
    private static final Pattern REFUSED_ENCODING = Pattern.compile("(?i)%(2F|5C|25|00|0D|0A)");
    private static final List<String> ROUTES = List.of("/api/v1/indicators/%s/observations",
            "/api/v1/programmes/%s/progress", "/api/v1/quarterly-updates/%s/2025-Q3/accept",
            "/api/v1/national-view/provenance/%s", "/api/v1/reports/quarterly/%s", "/api/v1/agencies/%s");

    @Test
    void hostilePathsNeverFailTheGatewayAndThoseTheFirewallRefusesNeverReachAService() throws Exception {
        long seed = HostileInput.seed(getClass().getSimpleName());
        Random random = new Random(seed);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        int refusedByTheFirewall = 0;
        for (String route : ROUTES) {
            for (String segment : HostileInput.draw(HostileInput.hostilePathSegments(), TRIES_PER_ROUTE, random)) {
                // Names this call alone among all that reach the stand-in, whatever the segment holds.
                String marker = "fz" + Long.toHexString(seed) + "n" + statuses.values().stream()
                        .mapToInt(Integer::intValue).sum() + "q";
                String path = route.formatted(marker + segment);
                String token = random.nextBoolean() ? ISSUER.lead() : ISSUER.reporter("CNIPA");
                HttpRequest.Builder request = request(path, token).timeout(Duration.ofSeconds(10));
                if (random.nextBoolean()) {
                    request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
                }
                HttpResponse<String> answer;
                try {
                    answer = send(request);
                } catch (HttpTimeoutException e) {
                    failures.add("no answer in 10 s: " + path);
                    continue;
                }
                statuses.merge(answer.statusCode(), 1, Integer::sum);
                if (answer.statusCode() >= 500) {
                    failures.add(HostileInput.describe(path, answer));
                }
                if (REFUSED_ENCODING.matcher(segment).find()) {
                    refusedByTheFirewall++;
                    if (!HostileInput.refusedWithProblem(answer) || answer.statusCode() != 400
                            || !SERVICES.sawAnything(marker).isEmpty()) {
                        failures.add("not refused at the gateway: " + HostileInput.describe(path, answer)
                                + " reached " + SERVICES.sawAnything(marker));
                    }
                }
            }
        }
        System.out.println("[fuzz] " + ROUTES.size() * TRIES_PER_ROUTE + " calls to the gateway, " + refusedByTheFirewall
                + " with a refused encoding, statuses " + statuses);

        assertThat(refusedByTheFirewall).as("paths the firewall must refuse among those drawn").isPositive();
        assertThat(failures).isEmpty();
    }

    @Test
    void theEncodedSlashAndNulAnOutsiderTriedAreProblems() throws Exception {
        for (String path : List.of("/api/v1/reports/quarterly/2025%2FQ3", "/api/v1/indicators/IND-01%00/observations",
                "/api/v1/national-view%2F..%2Factuator")) {
            HttpResponse<String> answer = get(path, ISSUER.lead());
            assertThat(answer.statusCode()).as(path).isEqualTo(400);
            assertThat(HostileInput.refusedWithProblem(answer)).as(HostileInput.describe(path, answer)).isTrue();
        }
    }
}
