package cn.gov.planwatch.generatedclient;

import cn.gov.planwatch.client.ApiClient;
import cn.gov.planwatch.client.ApiException;
import cn.gov.planwatch.client.api.NationalViewApi;
import cn.gov.planwatch.client.api.ObservationsApi;
import cn.gov.planwatch.client.api.QuarterlyUpdatesApi;
import cn.gov.planwatch.client.model.ObservationRequest;
import cn.gov.planwatch.client.model.ReturnRequest;
import cn.gov.planwatch.client.model.SubmissionRequest;
import cn.gov.planwatch.launcher.StackUnderTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The path a ministry's developers take: generate a Java client from the API description the gateway serves, and
 * use it. A CNIPA system reports a value and submits its quarter; the lead agency returns the quarter with a reason
 * and reads the value in the national view — every call made by the generated code, against the whole product.
 */
class GeneratedClientIT {

    /** Beside the launcher's own whole-stack tests (offsets 100 and 200) and a developer's stack. */
    private static final StackUnderTest STACK = new StackUnderTest("generated-client-it", 300);

    @BeforeAll
    static void startTheStack() throws Exception {
        STACK.startFresh();
    }

    @AfterAll
    static void stopTheStack() throws Exception {
        STACK.stopIfRunning();
    }

    @Test
    void aMinistryReportsAndSubmitsAndTheLeadReturnsTheQuarterAndReadsTheNationalView() throws Exception {
        ApiClient ministry = clientOf("cnipa-reporter");
        ApiClient lead = clientOf("cnipa-lead");

        var accepted = new ObservationsApi(ministry).reportObservation("IND-01",
                new ObservationRequest().period("2025").value(new BigDecimal("12.4")).comment("2025 年年报数据")
                        .source("国家知识产权局统计年报"), UUID.randomUUID().toString());
        assertThat(accepted.getIndicator()).isEqualTo("IND-01");
        UUID eventId = accepted.getEventId();

        var submitted = new QuarterlyUpdatesApi(ministry).submitQuarterlyUpdate(
                new SubmissionRequest().quarter("2025-Q4"), UUID.randomUUID().toString());
        assertThat(submitted.getState()).hasToString("SUBMITTED");

        var returned = new QuarterlyUpdatesApi(lead).returnQuarterlyUpdate("CNIPA", "2025-Q4",
                new ReturnRequest().reason("请补充 2025 年第四季度的专利导航数据").items(List.of("IND-01")),
                UUID.randomUUID().toString());
        assertThat(returned.getState()).hasToString("RETURNED");

        NationalViewApi nationalView = new NationalViewApi(lead);
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(100)).untilAsserted(() -> {
            var line = nationalView.getNationalView(null).getIndicators().stream()
                    .filter(indicator -> "IND-01".equals(indicator.getCode())).findFirst().orElseThrow();
            assertThat(line.getLatest()).isNotNull();
            assertThat(line.getLatest().getValue()).isEqualByComparingTo("12.4");
            assertThat(line.getEventIds()).contains(eventId);
        });

        assertThatThrownBy(() -> new NationalViewApi(ministry).getNationalView(null))
                .as("a ministry's reporter does not read the national view")
                .isInstanceOfSatisfying(ApiException.class, refused -> {
                    assertThat(refused.getCode()).isEqualTo(403);
                    assertThat(refused.getResponseBody()).contains("\"status\":403");
                });
    }

    /** The generated client as a ministry configures it: the gateway's address and an access token. */
    private static ApiClient clientOf(String clientId) throws Exception {
        String token = STACK.token(clientId);
        ApiClient client = new ApiClient();
        client.updateBaseUri(STACK.gateway());
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }
}
