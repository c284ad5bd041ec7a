package cn.gov.planwatch.programme;

import cn.gov.planwatch.testsupport.AccessMatrix;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.PlanwatchIntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

import java.util.stream.Stream;

/** The contract's access rules for every endpoint this service serves, called directly (as if bypassing the gateway). */
@PlanwatchIntegrationTest
@Import(SettableClock.Configuration.class)
class AccessMatrixIT {

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicTest> everyCallerGetsTheAnswerTheContractPromises() {
        return AccessMatrix.of("programme-service", new HttpCalls("http://localhost:" + port));
    }
}
