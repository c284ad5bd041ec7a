package cn.gov.planwatch.platform.apidescription;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.annotations.media.Schema;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class NullableReferencesTest {

    record Agency(String code) {
    }

    record Line(
            @Schema(description = "null until one reports", nullable = true) Agency worst,
            Agency lead,
            @Schema(nullable = true, oneOf = {BigDecimal.class, String.class}) Object value) {
    }

    private static Map<String, io.swagger.v3.oas.models.media.Schema> described() {
        ModelConverters converters = new ModelConverters(false);
        converters.addConverter(new NullableReferences());
        return converters.readAll(Line.class);
    }

    @Test
    void aNullableObjectDescribedElsewhereTellsClientsItMayBeNull() {
        var worst = (io.swagger.v3.oas.models.media.Schema<?>) described().get("Line").getProperties().get("worst");

        assertThat(worst.get$ref()).isNull();
        assertThat(worst.getType()).isEqualTo("object");
        assertThat(worst.getNullable()).isTrue();
        assertThat(worst.getDescription()).isEqualTo("null until one reports");
        assertThat(worst.getAllOf()).singleElement()
                .satisfies(ref -> assertThat(ref.get$ref()).isEqualTo("#/components/schemas/Agency"));
    }

    @Test
    void anObjectNeverNullStaysAPlainReference() {
        var lead = (io.swagger.v3.oas.models.media.Schema<?>) described().get("Line").getProperties().get("lead");

        assertThat(lead.get$ref()).isEqualTo("#/components/schemas/Agency");
        assertThat(lead.getNullable()).isNull();
    }

    @Test
    void aValueOfSeveralKindsIsNotAlsoSaidToBeAnObject() {
        var value = (io.swagger.v3.oas.models.media.Schema<?>) described().get("Line").getProperties().get("value");

        assertThat(value.getType()).isNull();
        assertThat(value.getOneOf()).extracting(io.swagger.v3.oas.models.media.Schema::getType)
                .isEqualTo(List.of("number", "string"));
    }

    @Test
    void aNullValueOfSeveralKindsIsAllowedByExactlyOneOfThem() {
        var value = (io.swagger.v3.oas.models.media.Schema<?>) described().get("Line").getProperties().get("value");

        assertThat(value.getNullable()).isNull();
        assertThat(value.getOneOf()).extracting(io.swagger.v3.oas.models.media.Schema::getNullable)
                .containsExactly(true, null);
    }
}
