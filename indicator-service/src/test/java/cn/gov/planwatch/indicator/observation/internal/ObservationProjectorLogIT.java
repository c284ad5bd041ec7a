package cn.gov.planwatch.indicator.observation.internal;

import cn.gov.planwatch.contracts.PlanEvent;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.testsupport.ServiceFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the projector's log tells an operator following a request by its trace id: one line for the reports of one
 * request in a batch (a bulk submission's thousands of rows share their request's trace), and a report that was
 * applied before, alone.
 */
@ExtendWith(OutputCaptureExtension.class)
class ObservationProjectorLogIT extends ServiceFixture {

    private static final String PLAN = "ip-projector-log";

    @Autowired
    ObservationProjector projector;

    @Autowired
    TransactionTemplate transactions;

    @Test
    void givenABulkSubmissionAndASingleReportWhenFoldedThenOneLineForEachRequest(CapturedOutput output) {
        String bulkTrace = UUID.randomUUID().toString().replace("-", "");
        String singleTrace = UUID.randomUUID().toString().replace("-", "");
        ObservationReported first = report("2021", bulkTrace);
        ObservationReported single = report("2022", singleTrace);
        ObservationReported last = report("2023", bulkTrace);
        List<PlanEvent> batch = List.of(first, report("2024", bulkTrace), single, last);

        transactions.executeWithoutResult(tx -> projector.fold(batch));
        transactions.executeWithoutResult(tx -> projector.fold(List.of(single)));

        List<String> lines = output.getOut().lines().filter(line -> line.contains("ObservationProjector")
                && (line.contains(bulkTrace) || line.contains(singleTrace))).toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).contains("applied 3 reports of " + PLAN + ", " + first.eventId() + " IND-01/2021 to "
                + last.eventId() + " IND-01/2023 trace=" + bulkTrace);
        assertThat(lines.get(1)).contains("applied " + single.eventId() + " " + PLAN + " IND-01/2022 trace="
                + singleTrace);
        assertThat(lines.get(2)).contains("already applied " + single.eventId() + " " + PLAN + " IND-01/2022 trace="
                + singleTrace);
    }

    private static ObservationReported report(String period, String traceId) {
        return new ObservationReported(UUID.randomUUID(), PLAN, "IND-01", period, new BigDecimal("1.5"), null, null,
                "CNIPA", "cnipa-reporter", traceId, Instant.parse("2025-01-01T00:00:00Z"), "percent", true, null);
    }
}
