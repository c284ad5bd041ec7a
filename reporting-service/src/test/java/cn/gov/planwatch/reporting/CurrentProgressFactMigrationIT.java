package cn.gov.planwatch.reporting;

import cn.gov.planwatch.testsupport.FlaggedCurrentUpgrade;

/** A national view folded while each programme report's current fact was flagged keeps its current reports through the upgrade. */
class CurrentProgressFactMigrationIT extends FlaggedCurrentUpgrade.OfProgressReports {

    @Override
    protected String service() {
        return "reporting";
    }

    @Override
    protected String lastFlaggedVersion() {
        return "11";
    }

    @Override
    protected String reports() {
        return "progress_fact";
    }

    @Override
    protected String pointers() {
        return "current_progress_fact";
    }
}
