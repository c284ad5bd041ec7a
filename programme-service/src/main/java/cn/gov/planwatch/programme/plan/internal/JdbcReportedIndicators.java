package cn.gov.planwatch.programme.plan.internal;

import cn.gov.planwatch.catalogue.amendment.ReportedElement;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.programme.plan.LastObservations;
import cn.gov.planwatch.programme.plan.ReportsOnPlans;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static cn.gov.planwatch.platform.eventlog.ProjectionBatches.column;

/**
 * The indicators of each plan that have observations, the agencies that reported them and the values: indicator-service
 * records observations, this service needs to know which exist, so that an amendment keeps them, and each agency's
 * last values, for its submission template.
 */
@Repository
class JdbcReportedIndicators implements ReportsOnPlans, LastObservations {

    private final JdbcClient jdbc;
    private final String table;

    JdbcReportedIndicators(JdbcClient jdbc, @Value("${spring.flyway.default-schema}") String schema) {
        this.jdbc = jdbc;
        this.table = schema + ".reported_indicator";
    }

    /**
     * Applies the observations in one statement, each once: a redelivered one (or one twice in the list) changes
     * nothing.
     */
    void applyAll(List<ObservationReported> observations) {
        if (observations.isEmpty()) {
            return;
        }
        jdbc.sql("insert into " + table + " (event_id, plan, indicator, agency, period, value, recorded_at)"
                        + " select * from unnest(cast(? as uuid[]), cast(? as text[]), cast(? as text[]),"
                        + " cast(? as text[]), cast(? as text[]), cast(? as numeric[]), cast(? as timestamptz[]))"
                        + " on conflict (event_id) do nothing")
                .params(observations.stream().map(ObservationReported::eventId).toArray(UUID[]::new),
                        column(observations, ObservationReported::plan),
                        column(observations, ObservationReported::indicator),
                        column(observations, ObservationReported::agency),
                        column(observations, ObservationReported::period),
                        column(observations, o -> o.value() == null ? null : o.value().toPlainString()),
                        column(observations, o -> o.recordedAt().toString()))
                .update();
    }

    @Override
    public Map<String, LastObservation> of(String plan, String agency) {
        // A revision supersedes what was reported before it for the same period: the latest period's last report.
        Map<String, LastObservation> last = new LinkedHashMap<>();
        jdbc.sql("select distinct on (indicator) indicator, period, value from " + table
                        + " where plan = ? and agency = ? and period is not null"
                        + " order by indicator, period desc, recorded_at desc")
                .params(plan, agency)
                .query((rs, n) -> Map.entry(rs.getString("indicator"),
                        new LastObservation(rs.getString("period"), rs.getBigDecimal("value"))))
                .list().forEach(entry -> last.put(entry.getKey(), entry.getValue()));
        return last;
    }

    @Override
    public Set<ReportedElement> reportedIn(String plan) {
        Set<ReportedElement> reported = new HashSet<>();
        jdbc.sql("select distinct indicator, agency from " + table + " where plan = ?").params(plan)
                .query((rs, n) -> List.of(ReportedElement.indicator(rs.getString("indicator")),
                        ReportedElement.agency(rs.getString("agency"))))
                .list().forEach(reported::addAll);
        return reported;
    }
}
