package cn.gov.planwatch.programme;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import cn.gov.planwatch.programme.definition.ProgrammeController;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.util.List;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalogue as a ministry's system reads it: a web slice over the real plan file. One programme
 * with its progress is the progress feature's (ProgrammeProgressIT); the agencies, of every plan, are the plan
 * read model's (PlanPublicationIT).
 */
@WebMvcTest(controllers = ProgrammeController.class)
class CatalogueEndpointsTest {

    @TestConfiguration
    static class RealPlan {
        @Bean
        PlanCatalogue planCatalogue() {
            return PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION);
        }
    }

    @Autowired
    MockMvc mvc;

    @Test
    void servesTheTenProgrammesWithTheirLeadAgencies() throws Exception {
        mvc.perform(get("/api/v1/programmes").with(reporter()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(10)))
                .andExpect(jsonPath("$[?(@.slug == 'trade-secrets')].leadAgency").value("SAMR"))
                .andExpect(jsonPath("$[?(@.slug == 'sme-ip-strategy')].leadAgency").value("MIIT"))
                .andExpect(jsonPath("$[?(@.slug == 'copyright-innovation')].box").value(10))
                .andExpect(jsonPath("$[?(@.slug == 'trademark-brands')].box").value(10));
        mvc.perform(get("/api/v1/programmes").with(reporter()))
                .andExpect(jsonPath("$[?(@.slug == 'geographical-indications')].titleZh").value("地理标志保护工程"))
                .andExpect(jsonPath("$[?(@.slug == 'geographical-indications')].milestones[0].code")
                        .value("gi-demo-zones"))
                .andExpect(jsonPath("$[?(@.slug == 'geographical-indications')].milestones[0].target").value(100));
    }

    @Test
    void withoutATokenTheCatalogueIsClosed() throws Exception {
        mvc.perform(get("/api/v1/programmes"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
    }

    private static RequestPostProcessor reporter() {
        return jwt().jwt(token -> token.claim("agency", "MARA").claim("roles", List.of("reporter")))
                .authorities(new SimpleGrantedAuthority("ROLE_reporter"));
    }
}
