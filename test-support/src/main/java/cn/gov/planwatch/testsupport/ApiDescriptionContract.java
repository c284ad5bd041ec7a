package cn.gov.planwatch.testsupport;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Set;

/**
 * What every service's API description must be: a list of exactly the API routes the service maps. A service's
 * {@code ApiDescriptionIT} extends this and names any further routes it maps outside the API (pages, say).
 */
public abstract class ApiDescriptionContract extends ServiceFixture {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mapping;

    /** Routes beyond {@link DescribedRoutes#OUTSIDE_EVERY_API} that the service maps outside its API. */
    protected Set<String> alsoOutsideTheApi() {
        return Set.of();
    }

    @Test
    protected void everyApiRouteIsDescribedAndNothingElse() {
        DescribedRoutes.assertDescribed(mapping, apiDescription(), alsoOutsideTheApi());
    }
}
