package cn.gov.planwatch.reporting;

import cn.gov.planwatch.testsupport.FlaggedCurrentUpgrade;
import cn.gov.planwatch.testsupport.SchemaUpgrade;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A national view folded while each period's current fact was flagged keeps its current values through the upgrade:
 * the flagged facts become the pointers, with their values.
 */
class CurrentIndicatorFactMigrationIT extends FlaggedCurrentUpgrade.OfIndicatorReports {

    @Override
    protected String service() {
        return "reporting";
    }

    @Override
    protected String lastFlaggedVersion() {
        return "9";
    }

    @Override
    protected String reports() {
        return "indicator_fact";
    }

    /** The national view's facts are numbered by their pointers alone: one index entry fewer for every fact folded. */
    @Override
    protected boolean tableRefusesARevisionTwice() {
        return false;
    }

    @Override
    protected String pointers() {
        return "current_indicator_fact";
    }

    @Override
    protected void assertCarried(SchemaUpgrade upgrade) {
        assertThat(upgrade.jdbc().sql("select value from " + upgrade.schema() + ".current_indicator_fact"
                        + " order by indicator").query(BigDecimal.class).list())
                .as("each pointer carries its fact's value")
                .containsExactly((BigDecimal) report(0, 2).get("value"), (BigDecimal) report(1, 1).get("value"));
    }
}
