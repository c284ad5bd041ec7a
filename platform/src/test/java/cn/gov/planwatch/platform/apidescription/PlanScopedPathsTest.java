package cn.gov.planwatch.platform.apidescription;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class PlanScopedPathsTest {

    private static Operation listObservations(String operationId) {
        return new Operation().operationId(operationId).parameters(new ArrayList<>(List.of(
                new Parameter().in("path").name("plan").required(false),
                new Parameter().in("path").name("code").required(true))));
    }

    @Test
    void theTwoAddressesOfOneResourceGetTheirOwnNamesAndOnlyTheScopedOneTakesThePlan() {
        Operation unscoped = listObservations("listObservations_1");
        Operation scoped = listObservations("listObservations");
        Operation ownPath = new Operation().operationId("listPlanIndicators")
                .parameters(new ArrayList<>(List.of(new Parameter().in("path").name("plan"))));
        Operation thePlan = new Operation().operationId("getPlan")
                .parameters(new ArrayList<>(List.of(new Parameter().in("path").name("plan").required(true))));
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/api/v1/plans/{plan}", new PathItem().get(thePlan))
                .addPathItem("/api/v1/indicators/{code}/observations", new PathItem().get(unscoped))
                .addPathItem("/api/v1/plans/{plan}/indicators/{code}/observations", new PathItem().get(scoped))
                .addPathItem("/api/v1/plans/{plan}/indicators", new PathItem().get(ownPath)));

        new PlanScopedPaths("ip-2021-2025").customise(api);

        assertThat(unscoped.getOperationId()).isEqualTo("listObservations");
        assertThat(unscoped.getParameters()).extracting(Parameter::getName).containsExactly("code");
        assertThat(unscoped.getDescription()).contains("default plan, ip-2021-2025");
        assertThat(scoped.getOperationId()).isEqualTo("listObservationsInPlan");
        assertThat(scoped.getParameters().get(0).getRequired()).isTrue();
        assertThat(scoped.getParameters().get(0).getSchema().getPattern()).isNotBlank();
        assertThat(ownPath.getOperationId()).as("a plan-only resource keeps its name").isEqualTo("listPlanIndicators");
        assertThat(thePlan.getParameters()).as("the plan itself keeps its variable").extracting(Parameter::getName)
                .containsExactly("plan");
        assertThat(thePlan.getDescription()).isNull();
    }

    /** As springdoc describes a handler mapped at both paths: the plan on the scoped path only, a suffix on either. */
    @Test
    void theTwinsAreFoundByTheirPathsWhicheverOfThemSpringdocSuffixed() {
        Operation unscopedRead = new Operation().operationId("getIndicator")
                .parameters(new ArrayList<>(List.of(new Parameter().in("path").name("code").required(true))));
        Operation scopedRead = listObservations("getIndicator_1");
        Operation unscopedWrite = new Operation().operationId("reportObservation_1")
                .parameters(new ArrayList<>(List.of(new Parameter().in("path").name("code").required(true))));
        Operation scopedWrite = listObservations("reportObservation");
        Operation otherOperation = new Operation().operationId("listIndicators_1");
        Operation unrelated = listObservations("listPlanProgrammes");
        OpenAPI api = new OpenAPI().paths(new Paths()
                .addPathItem("/api/v1/indicators/{code}", new PathItem().get(unscopedRead))
                .addPathItem("/api/v1/plans/{plan}/indicators/{code}", new PathItem().get(scopedRead))
                .addPathItem("/api/v1/indicators/{code}/observations", new PathItem().post(unscopedWrite))
                .addPathItem("/api/v1/plans/{plan}/indicators/{code}/observations", new PathItem().post(scopedWrite))
                .addPathItem("/api/v1/programmes", new PathItem().get(otherOperation))
                .addPathItem("/api/v1/plans/{plan}/programmes", new PathItem().get(unrelated)));

        new PlanScopedPaths("ip-2021-2025").customise(api);

        assertThat(unscopedRead.getOperationId()).isEqualTo("getIndicator");
        assertThat(scopedRead.getOperationId()).isEqualTo("getIndicatorInPlan");
        assertThat(unscopedWrite.getOperationId()).isEqualTo("reportObservation");
        assertThat(unscopedWrite.getDescription()).contains("default plan, ip-2021-2025");
        assertThat(unscopedWrite.getParameters()).extracting(Parameter::getName).containsExactly("code");
        assertThat(scopedWrite.getOperationId()).isEqualTo("reportObservationInPlan");
        assertThat(scopedWrite.getParameters().get(0).getSchema().getPattern()).isNotBlank();
        assertThat(otherOperation.getOperationId()).as("not the twin of another operation").isEqualTo("listIndicators_1");
        assertThat(unrelated.getOperationId()).isEqualTo("listPlanProgrammes");
    }
}
