package cn.gov.planwatch.reporting;

import cn.gov.planwatch.testsupport.DatabaseIsolationTests;
import cn.gov.planwatch.testsupport.PlanwatchIntegrationTest;

/** reporting-service's connection pool is its own role, confined to its own schema (see {@link DatabaseIsolationTests}). */
@PlanwatchIntegrationTest
class DatabaseIsolationIT extends DatabaseIsolationTests {

    DatabaseIsolationIT() {
        super("reporting-service");
    }
}
