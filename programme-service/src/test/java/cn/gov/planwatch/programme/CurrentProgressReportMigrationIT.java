package cn.gov.planwatch.programme;

import cn.gov.planwatch.testsupport.FlaggedCurrentUpgrade;

import java.util.HashMap;
import java.util.Map;

/** Progress reports recorded while each report's current revision was flagged keep their current revisions through the upgrade. */
class CurrentProgressReportMigrationIT extends FlaggedCurrentUpgrade.OfProgressReports {

    @Override
    protected String service() {
        return "programme";
    }

    @Override
    protected String lastFlaggedVersion() {
        return "6";
    }

    @Override
    protected String reports() {
        return "progress_report";
    }

    @Override
    protected String pointers() {
        return "current_progress_report";
    }

    /** Programme-service keeps the report's measures too. */
    @Override
    protected Map<String, Object> report(int report, int revision) {
        Map<String, Object> row = new HashMap<>(super.report(report, revision));
        row.put("measures", new Json("[]"));
        return row;
    }
}
