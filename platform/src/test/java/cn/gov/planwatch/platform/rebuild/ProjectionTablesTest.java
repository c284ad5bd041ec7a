package cn.gov.planwatch.platform.rebuild;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ProjectionTablesTest {

    private static final List<String> VIEW = List.of("indicator_fact", "view_freshness");

    @Test
    void aFreshCopyIsNamedBesideTheLiveTableInTheSameSchema() {
        assertThat(ProjectionTables.live("indicator").of("observation")).isEqualTo("indicator.observation");
        assertThat(ProjectionTables.fresh("indicator").of("observation")).isEqualTo("indicator.observation_rebuild");
    }

    @Test
    void aStatementNamingItsTablesInlineNamesTheFreshCopiesAndNothingElse() {
        String sql = "insert into reporting.view_freshness as f select * from reporting.indicator_fact"
                + " join reporting.indicator_fact_archive a using (id) join reporting.plan_version p using (plan)";

        assertThat(ProjectionTables.live("reporting").in(sql, VIEW)).isEqualTo(sql);
        assertThat(ProjectionTables.fresh("reporting").in(sql, VIEW)).isEqualTo(
                "insert into reporting.view_freshness_rebuild as f select * from reporting.indicator_fact_rebuild"
                        + " join reporting.indicator_fact_archive a using (id) join reporting.plan_version p using (plan)");
    }
}
