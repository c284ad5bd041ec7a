package cn.gov.planwatch.indicator;

import cn.gov.planwatch.testsupport.AccessMatrix;
import cn.gov.planwatch.testsupport.MappedRouteMatrix;
import cn.gov.planwatch.testsupport.ServiceFixture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The contract's access rules for every endpoint this service serves, called directly (as if bypassing the gateway). */
class AccessMatrixIT extends ServiceFixture {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @TestFactory
    Stream<DynamicTest> everyCallerGetsTheAnswerTheContractPromises() {
        return AccessMatrix.of("indicator-service", http());
    }

    /**
     * IND-01 is CNIPA's, in the shipped plan ip-2021-2025 too; no projection is named so, so an operator's rebuild
     * call changes nothing.
     */
    @TestFactory
    Stream<DynamicTest> everyMappedRouteMethodAndCallerMeetsThePolicy() {
        return MappedRouteMatrix.of(mapping, http(),
                new MappedRouteMatrix.Samples("CNIPA", "MOE",
                        Map.of("code", "IND-01", "name", "no-such-projection", "plan", "ip-2021-2025"), Map.of(),
                        Set.of()));
    }
}
