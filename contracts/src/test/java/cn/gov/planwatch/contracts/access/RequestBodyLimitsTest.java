package cn.gov.planwatch.contracts.access;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestBodyLimitsTest {

    private static final long GENERAL = 64 * 1024;

    @Test
    void aPlanDocumentTakesOneMebibyte() {
        assertThat(RequestBodyLimits.maxBytes("PUT", "/api/v1/plans/demo-2026-2030", GENERAL)).isEqualTo(1 << 20);
    }

    @Test
    void aSubmissionTakesFiveMebibytes() {
        assertThat(RequestBodyLimits.maxBytes("POST", "/api/v1/plans/ip-2021-2025/submissions", GENERAL))
                .isEqualTo(5 << 20);
        assertThat(RequestBodyLimits.maxBytes("GET", "/api/v1/plans/ip-2021-2025/submissions/template", GENERAL))
                .isEqualTo(GENERAL);
    }

    @Test
    void everythingElseKeepsTheGeneralLimit() {
        assertThat(RequestBodyLimits.maxBytes("POST", "/api/v1/plans/demo-2026-2030/close", GENERAL))
                .isEqualTo(GENERAL);
        assertThat(RequestBodyLimits.maxBytes("POST", "/api/v1/plans/demo-2026-2030", GENERAL)).isEqualTo(GENERAL);
        assertThat(RequestBodyLimits.maxBytes("PUT", "/api/v1/plans/demo-2026-2030/indicators", GENERAL))
                .isEqualTo(GENERAL);
        assertThat(RequestBodyLimits.maxBytes("POST", "/api/v1/indicators/IND-01/observations", GENERAL))
                .isEqualTo(GENERAL);
    }
}
