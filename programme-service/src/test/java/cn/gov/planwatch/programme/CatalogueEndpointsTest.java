package cn.gov.planwatch.programme;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import cn.gov.planwatch.catalogue.spring.DefaultPlan;
import cn.gov.planwatch.contracts.plan.PlanLifecycleEvent;
import cn.gov.planwatch.programme.plan.PlanBook;
import cn.gov.planwatch.programme.plan.PlanInForce;
import cn.gov.planwatch.programme.plan.PlanVersion;
import cn.gov.planwatch.programme.plan.PlansInForce;
import cn.gov.planwatch.programme.definition.ProgrammeController;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The catalogue as a ministry's system reads it: a web slice over the real plan file, on a fresh start, before the
 * shipped plan's publication is recorded (the configured catalogue stands for it). One programme with its progress
 * is the progress feature's (ProgrammeProgressIT); the agencies, of every plan, are the plan read model's
 * (PlanPublicationIT); programmes of a published plan, TwoPlansIT's.
 */
@WebMvcTest(controllers = ProgrammeController.class)
@Import(PlansInForce.class)
class CatalogueEndpointsTest {

    @TestConfiguration
    static class RealPlan {
        @Bean
        PlanCatalogue planCatalogue() {
            return PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION);
        }

        @Bean
        DefaultPlan defaultPlan() {
            return new DefaultPlan(DefaultPlan.SHIPPED);
        }

        @Bean
        Clock clock() {
            return Clock.systemUTC();
        }

        @Bean
        PlanBook freshPlanBook() {
            return new NothingRecordedYet();
        }
    }

    /** The plan read model of a fresh start: no plan event folded yet. */
    static final class NothingRecordedYet implements PlanBook {

        @Override
        public <T> T whileLocked(String plan, Supplier<T> write) {
            throw new UnsupportedOperationException("the catalogue is read only");
        }

        @Override
        public boolean record(PlanLifecycleEvent event) {
            throw new UnsupportedOperationException("the catalogue is read only");
        }

        @Override
        public void recordAlongside(PlanLifecycleEvent event) {
            throw new UnsupportedOperationException("the catalogue is read only");
        }

        @Override
        public boolean closedWhileHeld(String plan) {
            return false;
        }

        @Override
        public Optional<PlanInForce> find(String plan) {
            return Optional.empty();
        }

        @Override
        public Optional<PlanInForce> findAsOf(String plan, Instant asOf) {
            return Optional.empty();
        }

        @Override
        public List<PlanInForce> all() {
            return List.of();
        }

        @Override
        public List<PlanVersion> versions(String plan) {
            return List.of();
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
    void aPlanNotPublishedIsNotFound() throws Exception {
        mvc.perform(get("/api/v1/plans/ip-2031-2035/programmes").with(reporter()))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"));
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
