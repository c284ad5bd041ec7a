package cn.gov.planwatch.programme;

import cn.gov.planwatch.testsupport.DatabaseIsolationTests;
import cn.gov.planwatch.testsupport.PlanwatchIntegrationTest;

/** programme-service's connection pool is its own role, confined to its own schema (see {@link DatabaseIsolationTests}). */
@PlanwatchIntegrationTest
class DatabaseIsolationIT extends DatabaseIsolationTests {

    DatabaseIsolationIT() {
        super("programme-service");
    }
}
