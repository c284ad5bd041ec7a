package cn.gov.planwatch.platform.apidescription;

import cn.gov.planwatch.catalogue.spring.DefaultPlan;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

import java.util.List;

/**
 * Every service describes its own API from its code (springdoc): the operations its controllers map, the roles the
 * access policy asks of each, and the problems each can answer. The gateway merges the services' descriptions into
 * the one published description.
 */
@AutoConfiguration
@PropertySource("classpath:planwatch-api-description.properties")
public class ApiDescriptionAutoConfiguration {

    @Bean
    OpenAPI planwatchApi(@Value("${spring.application.name}") String service) {
        return new OpenAPI()
                .info(new Info().title("PlanWatch API (" + service + ")").version("v1"))
                // Relative: the API is called at the same paths through the gateway as on the service itself.
                .servers(List.of(new Server().url("/")))
                .components(new Components()
                        .addSecuritySchemes(ApiDescriptionConventions.BEARER, new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP).scheme("bearer").bearerFormat("JWT")
                                .description("An access token of the PlanWatch auth server (audience planwatch).")));
    }

    @Bean
    NullableReferences nullableReferences() {
        return new NullableReferences();
    }

    @Bean
    PlanScopedPaths planScopedPaths(@Value("${" + DefaultPlan.PROPERTY + ":" + DefaultPlan.SHIPPED + "}") String plan) {
        return new PlanScopedPaths(plan);
    }

    @Bean
    GlobalOpenApiCustomizer planwatchApiConventions() {
        return new ApiDescriptionConventions();
    }
}
