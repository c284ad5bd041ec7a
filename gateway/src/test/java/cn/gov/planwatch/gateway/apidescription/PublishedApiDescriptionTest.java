package cn.gov.planwatch.gateway.apidescription;

import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.util.retry.Retry;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The description is fetched from the services when asked for: a service still starting is waited for briefly. */
class PublishedApiDescriptionTest {

    private final DescriptionStandIn services = new DescriptionStandIn();

    private PublishedApiDescription publishedFrom(Map<String, String> urls) {
        return new PublishedApiDescription(urls, new GatewayAnswers(DataSize.ofKilobytes(64)), WebClient.create(),
                Duration.ZERO, Duration.ofSeconds(5), Retry.backoff(3, Duration.ofMillis(20)));
    }

    @Test
    void aServiceStillStartingIsAskedAgainUntilItAnswers() {
        services.starting("reporting-service", 2);

        String json = publishedFrom(services.urls()).texts().block().json();

        assertThat(json).contains("\"/api/v1/national-view\"", "\"/api/v1/indicators\"", "\"/api/v1/me\"");
    }

    @Test
    void beforeEveryServiceHasAnsweredOnceThereIsNoDescriptionAndTheServiceIsNamed() {
        services.starting("programme-service", 100);

        assertThatThrownBy(() -> publishedFrom(services.urls()).texts().block())
                .isInstanceOf(DescriptionUnavailable.class)
                .satisfies(failure -> assertThat(((DescriptionUnavailable) failure).service())
                        .isEqualTo("programme-service"));
    }

    @Test
    void aServiceThatStopsAnsweringLaterLeavesTheLastMergedDescriptionPublished() {
        PublishedApiDescription published = publishedFrom(services.urls());
        String first = published.texts().block().yaml();

        services.starting("indicator-service", 100);

        assertThat(published.texts().block().yaml()).isEqualTo(first);
    }

    @Test
    void aRedeployedServicesNewDescriptionIsPublishedAtTheNextRefresh() {
        PublishedApiDescription published = publishedFrom(services.urls());
        assertThat(published.texts().block().json()).doesNotContain("/api/v1/reports/quarterly/{quarter}");

        services.serve("reporting-service", DescriptionStandIn.resource("reporting-service")
                .replace("\"/api/v1/national-view\"", "\"/api/v1/reports/quarterly/{quarter}\""));

        assertThat(published.texts().block().json()).contains("/api/v1/reports/quarterly/{quarter}");
    }

    @Test
    void aServiceAnsweringWithSomethingElseThanADescriptionIsNotPublishedAsOne() {
        Map<String, String> urls = new TreeMap<>(services.urls());
        urls.put("reporting-service", services.url("no-such-service"));

        assertThatThrownBy(() -> publishedFrom(urls).texts().block()).isInstanceOf(DescriptionUnavailable.class);
    }
}
