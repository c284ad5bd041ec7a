package cn.gov.planwatch.reporting;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

/**
 * Each feature package is a module: others may use its top-level types, never what lies below it
 * (its {@code internal} package), and modules may not depend on each other in a cycle.
 */
class ModularityTest {

    @Test
    void featurePackagesUseOnlyEachOthersPublishedTypesAndFormNoCycle() {
        ApplicationModules.of(ReportingServiceApplication.class).verify();
    }
}
