package cn.gov.planwatch.programme;

import cn.gov.planwatch.testsupport.AccessMatrix;
import cn.gov.planwatch.testsupport.MappedRouteMatrix;
import cn.gov.planwatch.testsupport.MappedRouteMatrix.ObjectRefusal;
import cn.gov.planwatch.testsupport.ServiceFixture;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.annotation.Import;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static cn.gov.planwatch.testsupport.MappedRouteMatrix.Caller.LEAD_OTHER_AGENCY;
import static cn.gov.planwatch.testsupport.MappedRouteMatrix.Caller.REPORTER_OTHER_AGENCY;
import static cn.gov.planwatch.testsupport.MappedRouteMatrix.Caller.REPORTER_OWN_AGENCY;

/** The contract's access rules for every endpoint this service serves, called directly (as if bypassing the gateway). */
@Import(SettableClock.Configuration.class)
class AccessMatrixIT extends ServiceFixture {

    private static final String REVIEW = "/api/v1/quarterly-updates/{agency}/{quarter}/";
    private static final String IN_PLAN = "/api/v1/plans/{plan}/";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @TestFactory
    Stream<DynamicTest> everyCallerGetsTheAnswerTheContractPromises() {
        return AccessMatrix.of("programme-service", http());
    }

    /**
     * The samples are CNIPA's, for a quarter no test submits (so the plan's lead meets 409, and nothing is recorded),
     * and for a plan never published (so closing it is 404 and the shipped plan stays open; under it, every plan
     * resource is 404 once the caller's role is allowed).
     * Object-level refusals: a reporter reads only its own agency's updates and not the compliance matrix (of any
     * plan: refused before the plan is looked up); only the plan's lead agency reviews.
     */
    @TestFactory
    Stream<DynamicTest> everyMappedRouteMethodAndCallerMeetsThePolicy() {
        return MappedRouteMatrix.of(mapping, http(),
                new MappedRouteMatrix.Samples("CNIPA", "MOE",
                        Map.of("code", "CNIPA", "slug", "patent-navigation", "agency", "CNIPA", "quarter", "2021-Q3",
                                "plan", "never-published", "name", "no-such-projection"),
                        Map.of(REVIEW + "return", "{\"reason\":\"请补充\",\"items\":[]}",
                                IN_PLAN + "quarterly-updates/{agency}/{quarter}/return",
                                "{\"reason\":\"请补充\",\"items\":[]}"),
                        Set.of(new ObjectRefusal("GET", "/api/v1/quarterly-updates/{agency}", REPORTER_OTHER_AGENCY),
                                new ObjectRefusal("GET", "/api/v1/quarterly-updates", REPORTER_OWN_AGENCY),
                                new ObjectRefusal("GET", "/api/v1/quarterly-updates", REPORTER_OTHER_AGENCY),
                                new ObjectRefusal("GET", IN_PLAN + "quarterly-updates", REPORTER_OWN_AGENCY),
                                new ObjectRefusal("GET", IN_PLAN + "quarterly-updates", REPORTER_OTHER_AGENCY),
                                new ObjectRefusal("POST", REVIEW + "accept", LEAD_OTHER_AGENCY),
                                new ObjectRefusal("POST", REVIEW + "return", LEAD_OTHER_AGENCY))));
    }
}
