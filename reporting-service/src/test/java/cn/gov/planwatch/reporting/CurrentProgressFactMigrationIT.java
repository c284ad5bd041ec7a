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

    /** The national view's facts are numbered by their pointers alone: one index entry fewer for every fact folded. */
    @Override
    protected boolean tableRefusesARevisionTwice() {
        return false;
    }

    @Override
    protected String pointers() {
        return "current_progress_fact";
    }
}
