package cn.gov.planwatch.indicator;

import cn.gov.planwatch.testsupport.FlaggedCurrentUpgrade;

/** Observations recorded while each period's current report was flagged keep their current reports through the upgrade. */
class CurrentObservationMigrationIT extends FlaggedCurrentUpgrade.OfIndicatorReports {

    @Override
    protected String service() {
        return "indicator";
    }

    @Override
    protected String lastFlaggedVersion() {
        return "8";
    }

    @Override
    protected String reports() {
        return "observation";
    }

    @Override
    protected String pointers() {
        return "current_observation";
    }
}
