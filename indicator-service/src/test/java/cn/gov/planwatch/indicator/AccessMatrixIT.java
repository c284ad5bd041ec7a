package cn.gov.planwatch.indicator;

import cn.gov.planwatch.testsupport.AccessMatrix;
import cn.gov.planwatch.testsupport.HttpCalls;
import cn.gov.planwatch.testsupport.PlanwatchIntegrationTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.stream.Stream;

/** The contract's access rules for every endpoint this service serves, called directly (as if bypassing the gateway). */
@PlanwatchIntegrationTest
class AccessMatrixIT {

    @LocalServerPort
    int port;

    @TestFactory
    Stream<DynamicTest> everyCallerGetsTheAnswerTheContractPromises() {
        return AccessMatrix.of("indicator-service", new HttpCalls("http://localhost:" + port));
    }
}
