package cn.gov.planwatch.programme;

import cn.gov.planwatch.testsupport.DescribedRoutes;
import cn.gov.planwatch.testsupport.ServiceFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Set;

/** The service's API description lists exactly the API it serves. */
class ApiDescriptionIT extends ServiceFixture {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void everyApiRouteIsDescribedAndNothingElse() throws Exception {
        DescribedRoutes.assertDescribed(mapping, apiDescription(), Set.of());
    }
}
