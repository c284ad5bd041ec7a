package cn.gov.planwatch.gateway.apidescription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.core.util.Json;
import org.junit.jupiter.api.Test;
import org.springframework.util.unit.DataSize;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The services' descriptions become one: each path from one service, each shared component meaning one thing. */
class DescriptionMergeTest {

    private final GatewayAnswers gateway = new GatewayAnswers(DataSize.ofKilobytes(64));

    @Test
    void theMergedDescriptionHasEveryServicesPathsSortedAndPublishesTheGatewayAsItsServer() {
        ObjectNode merged = DescriptionMerge.merge(parts(), gateway);

        assertThat(names(merged.get("paths"))).containsExactly("/api/v1/indicators",
                "/api/v1/indicators/{code}/observations", "/api/v1/me", "/api/v1/national-view", "/api/v1/programmes");
        assertThat(merged.at("/servers/0/url").asText()).isEqualTo("/");
        assertThat(merged.get("servers")).hasSize(1);
        assertThat(merged.at("/info/title").asText()).isEqualTo("PlanWatch API");
        assertThat(names(merged.at("/components/schemas"))).containsExactly("Csrf", "Indicator", "Me", "Problem",
                "Programme");
        assertThat(merged.get("tags").findValuesAsText("name")).containsExactly("Caller", "Indicators",
                "National view", "Programmes");
    }

    @Test
    void everyOperationDescribesTheRefusalsOfTheGatewayAndOnlyRoutedOnesThoseOfAService() {
        ObjectNode merged = DescriptionMerge.merge(parts(), gateway);

        JsonNode listing = merged.at("/paths/~1api~1v1~1indicators/get/responses");
        assertThat(names(listing)).containsExactly("200", "401", "403", "406", "413", "429", "502", "503", "504");
        assertThat(listing.at("/429/headers/Retry-After/schema/type").asText()).isEqualTo("integer");
        assertThat(listing.at("/502/content/application~1problem+json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/Problem");
        assertThat(merged.at("/paths/~1api~1v1~1indicators~1{code}~1observations/post/responses/504/description")
                .asText()).as("the service's own description of a status it answers is kept")
                .isEqualTo("The event log did not confirm");
        assertThat(names(merged.at("/paths/~1api~1v1~1me/get/responses")))
                .containsExactly("200", "401", "403", "406", "413", "429");
    }

    @Test
    void theSamePartsGiveTheSameTextWhateverTheirOrder() throws Exception {
        List<ServiceDescription> reversed = new ArrayList<>(parts());
        Collections.reverse(reversed);

        assertThat(Json.mapper().writeValueAsString(DescriptionMerge.merge(reversed, gateway)))
                .isEqualTo(Json.mapper().writeValueAsString(DescriptionMerge.merge(parts(), gateway)));
    }

    @Test
    void aPathDescribedByTwoServicesIsAConflict() {
        ObjectNode reporting = document("reporting-service");
        reporting.with("paths").set("/api/v1/programmes", document("programme-service").at("/paths/~1api~1v1~1programmes"));

        assertThatThrownBy(() -> DescriptionMerge.merge(parts(reporting), gateway))
                .isInstanceOf(ConflictingDescriptions.class)
                .hasMessageContaining("path /api/v1/programmes is described by programme-service and by reporting-service");
    }

    @Test
    void aSchemaNameWithTwoMeaningsIsAConflictButTheSameSchemaTwiceIsNot() {
        ObjectNode reporting = document("reporting-service");
        reporting.with("components").with("schemas").set("Indicator",
                document("indicator-service").at("/components/schemas/Indicator"));
        assertThat(DescriptionMerge.merge(parts(reporting), gateway).at("/components/schemas/Indicator/type")
                .asText()).isEqualTo("object");

        ((ObjectNode) reporting.at("/components/schemas/Indicator/properties")).putObject("nameEn").put("type",
                "string");
        assertThatThrownBy(() -> DescriptionMerge.merge(parts(reporting), gateway))
                .isInstanceOf(ConflictingDescriptions.class)
                .hasMessageContaining("components.schemas Indicator differs between indicator-service and reporting-service");
    }

    private List<ServiceDescription> parts() {
        return parts(document("reporting-service"));
    }

    private List<ServiceDescription> parts(ObjectNode reporting) {
        return List.of(new ServiceDescription("indicator-service", document("indicator-service")),
                new ServiceDescription("programme-service", document("programme-service")),
                new ServiceDescription("reporting-service", reporting), gateway.ownDescription());
    }

    private static ObjectNode document(String service) {
        try {
            return (ObjectNode) Json.mapper().readTree(DescriptionStandIn.resource(service));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
