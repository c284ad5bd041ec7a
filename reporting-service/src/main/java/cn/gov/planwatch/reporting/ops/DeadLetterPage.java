package cn.gov.planwatch.reporting.ops;

import java.util.List;

/** {@code GET /api/v1/ops/dead-letters}: newest first. */
public record DeadLetterPage(long total, int limit, int offset, List<DeadLetterView> items) {
}
