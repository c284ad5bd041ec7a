package cn.gov.planwatch.programme.plan.internal;

import cn.gov.planwatch.catalogue.amendment.ReportedElement;
import cn.gov.planwatch.contracts.indicator.ObservationReported;
import cn.gov.planwatch.programme.plan.ReportsOnPlans;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The indicators of each plan that have observations, and the agencies that reported them: indicator-service records
 * observations, this service only needs to know which exist, so that an amendment keeps them.
 */
@Repository
class JdbcReportedIndicators implements ReportsOnPlans {

    private final JdbcClient jdbc;
    private final String table;

    JdbcReportedIndicators(JdbcClient jdbc, @Value("${spring.flyway.default-schema}") String schema) {
        this.jdbc = jdbc;
        this.table = schema + ".reported_indicator";
    }

    /** Applies the observation once; a redelivered one changes nothing. */
    boolean apply(ObservationReported observation) {
        return jdbc.sql("insert into " + table + " (event_id, plan, indicator, agency) values (?, ?, ?, ?)"
                        + " on conflict (event_id) do nothing")
                .params(observation.eventId(), observation.plan(), observation.indicator(), observation.agency())
                .update() == 1;
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
