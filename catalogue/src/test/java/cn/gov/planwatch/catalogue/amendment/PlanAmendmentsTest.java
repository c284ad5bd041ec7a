package cn.gov.planwatch.catalogue.amendment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import cn.gov.planwatch.catalogue.InvalidPlanDocumentException;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanDocumentFormat;
import cn.gov.planwatch.catalogue.PlanDocuments;
import cn.gov.planwatch.catalogue.PlanProblem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A lead agency sends a plan document for a plan that may already be in force. */
class PlanAmendmentsTest {

    private static final String PLAN = "demo-2026-2030";
    private static final String VERSION_1 = text("fixtures/documents/valid.yaml");
    private static final PlanCatalogue IN_FORCE = parse(VERSION_1);

    private static final Set<ReportedElement> EVERYTHING_REPORTED = Set.of(
            ReportedElement.agency("MEE"), ReportedElement.indicator("D-01"), ReportedElement.indicator("D-02"),
            ReportedElement.programme("clean-air"), ReportedElement.measure("clean-air", "monitoring"),
            ReportedElement.milestone("clean-air", "stations"));

    @Test
    void givenNoPlanInForce_whenADocumentArrives_thenItPublishesThePlan() {
        PlanDocumentOutcome outcome = PlanAmendments.judge(PLAN, Optional.empty(), IN_FORCE, Set.of());

        assertThat(outcome).isEqualTo(new PlanDocumentOutcome.Published(IN_FORCE));
    }

    @Test
    void givenADocumentOfAnotherPlan_whenSentAsThisPlan_thenThePlanIdIsTheProblem() {
        assertThat(problems(() -> PlanAmendments.judge("ip-2021-2025", Optional.empty(),
                IN_FORCE, Set.of()))).containsExactly(new PlanProblem("plan.id",
                "the document is plan 'demo-2026-2030'; it was sent as plan 'ip-2021-2025'", null));
    }

    @Test
    void givenTheVersionInForce_whenSentAgainWithTheSameContent_thenNothingChanges() {
        PlanCatalogue sameAsJson = PlanDocuments.parse(PlanDocuments.toJson(IN_FORCE), PlanDocumentFormat.JSON);
        PlanCatalogue sameWrittenOtherwise = parse(VERSION_1.replace("value: 17.0}", "value: 17.00}"));

        assertThat(PlanAmendments.judge(PLAN, Optional.of(IN_FORCE), sameAsJson, EVERYTHING_REPORTED))
                .isEqualTo(new PlanDocumentOutcome.Unchanged(IN_FORCE));
        assertThat(PlanAmendments.judge(PLAN, Optional.of(IN_FORCE), sameWrittenOtherwise, EVERYTHING_REPORTED))
                .isInstanceOf(PlanDocumentOutcome.Unchanged.class);
    }

    @Test
    void givenTheVersionInForce_whenSentWithOtherContent_thenItIsAConflict() {
        PlanCatalogue retargeted = parse(VERSION_1.replace("value: 17.0}", "value: 18}").replace("increase: 7.0",
                "increase: 8"));

        PlanVersionConflictException conflict = catchThrowableOfType(PlanVersionConflictException.class,
                () -> PlanAmendments.judge(PLAN, Optional.of(IN_FORCE), retargeted, Set.of()));

        assertThat(conflict.versionInForce()).isEqualTo(1);
        assertThat(conflict.proposedVersion()).isEqualTo(1);
        assertThat(conflict).hasMessage("plan 'demo-2026-2030' version 1 is already published with other content;"
                + " an amendment takes a higher version");
    }

    @Test
    void givenALaterVersionInForce_whenAnEarlierVersionIsSent_thenItIsAConflict() {
        PlanCatalogue version3 = parse(VERSION_1.replace("version: 1", "version: 3"));
        PlanCatalogue version2 = parse(VERSION_1.replace("version: 1", "version: 2"));

        PlanVersionConflictException conflict = catchThrowableOfType(PlanVersionConflictException.class,
                () -> PlanAmendments.judge(PLAN, Optional.of(version3), version2, Set.of()));

        assertThat(conflict).hasMessage("plan 'demo-2026-2030' is at version 3; version 2 cannot follow it");
    }

    @Test
    void givenAHigherVersion_whenItRenamesRetargetsAndAdds_thenItAmendsThePlan() {
        String amended = VERSION_1.replace("version: 1", "version: 2")
                .replace("value: 17.0}", "value: 18}").replace("increase: 7.0", "increase: 8")
                .replace("nameEn: Forest coverage", "nameEn: Forest coverage rate")
                .replace("baseline: {year: 2025, value: 10}", "baseline: {year: 2025, value: 10, note: revised}")
                .replace("  - {code: MEE,", "  - {code: NBS, nameZh: 国家统计局, nameEn: National Bureau of Statistics}\n"
                        + "  - {code: MEE,")
                .replace("      - {code: industry,", "      - {code: vehicles, titleZh: 机动车污染防治,"
                        + " titleEn: Vehicle pollution control}\n      - {code: industry,");
        PlanCatalogue version2 = parse(amended);

        PlanDocumentOutcome outcome = PlanAmendments.judge(PLAN, Optional.of(IN_FORCE), version2, EVERYTHING_REPORTED);

        assertThat(outcome).isEqualTo(new PlanDocumentOutcome.Amended(IN_FORCE, version2));
        assertThat(outcome.plan().indicator("D-01").orElseThrow().target().value()).isEqualByComparingTo("18");
    }

    @Test
    void givenReportedElements_whenAHigherVersionRemovesOrRecodesThem_thenEachIsNamed() {
        String amended = VERSION_1.replace("version: 1", "version: 2")
                .replace("code: D-02", "code: D-02a")
                .replace("\n      - {code: stations, nameZh: 新建监测站, nameEn: New monitoring stations, target: 500,"
                        + " unit: stations, measure: monitoring}", " []")
                .replace("{code: monitoring, titleZh", "{code: monitor, titleZh");

        List<PlanProblem> problems = problems(() -> PlanAmendments.judge(PLAN,
                Optional.of(IN_FORCE), parse(amended), EVERYTHING_REPORTED));

        assertThat(problems).extracting(PlanProblem::field, PlanProblem::message, PlanProblem::line).containsExactly(
                tuple("indicators", "indicator 'D-02' has reports; an amendment may rename it but not remove or"
                        + " recode it", null),
                tuple("programmes[0].measures", "measure 'monitoring' of programme 'clean-air' has reports; an"
                        + " amendment may rename it but not remove or recode it", null),
                tuple("programmes[0].milestones", "milestone 'stations' of programme 'clean-air' has reports; an"
                        + " amendment may rename it but not remove or recode it", null));
    }

    @Test
    void givenAReportedProgrammeAndAgency_whenAHigherVersionDropsThem_thenBothAreNamed() {
        String withoutProgramme = VERSION_1.substring(0, VERSION_1.indexOf("programmes:")) + "programmes: []\n";
        String amended = withoutProgramme.replace("version: 1", "version: 2")
                .replace("  - {code: MEE, nameZh: 生态环境部, nameEn: Ministry of Ecology and Environment}\n",
                        "  - {code: MEP, nameZh: 环境保护部, nameEn: Ministry of Environmental Protection}\n")
                .replace("responsibleAgency: MEE", "responsibleAgency: MEP");

        List<PlanProblem> problems = problems(() -> PlanAmendments.judge(PLAN,
                Optional.of(IN_FORCE), parse(amended), Set.of(ReportedElement.agency("MEE"),
                        ReportedElement.milestone("clean-air", "stations"))));

        assertThat(problems).extracting(PlanProblem::field, PlanProblem::message).containsExactly(
                tuple("agencies", "agency 'MEE' has reports; an amendment may rename it but not remove or recode it"),
                tuple("programmes", "programme 'clean-air' has reports; an amendment may rename it but not remove"
                        + " or recode it"));
    }

    @Test
    void givenNothingReported_whenAHigherVersionRemovesAndRecodes_thenItIsACorrectionAndAmends() {
        String withoutProgramme = VERSION_1.substring(0, VERSION_1.indexOf("programmes:")) + "programmes: []\n";
        PlanCatalogue corrected = parse(withoutProgramme.replace("version: 1", "version: 2")
                .replace("code: D-02", "code: D-03").replace("firstYear: 2026", "firstYear: 2025"));

        assertThat(PlanAmendments.judge(PLAN, Optional.of(IN_FORCE), corrected, Set.of()))
                .isInstanceOf(PlanDocumentOutcome.Amended.class);
    }

    @Test
    void givenReportedFigures_whenAHigherVersionChangesWhatTheyMean_thenEachChangeIsNamedAtItsField() {
        PlanCatalogue version2 = parse(VERSION_1.replace("version: 1", "version: 2")
                .replace("targetYear: 2030", "targetYear: 2031")
                .replace("direction: 1\n    responsibleAgency: MEE\n    frequency: ANNUAL",
                        "direction: -1\n    responsibleAgency: MEE\n    frequency: ANNUAL")
                .replace("frequency: QUARTERLY", "frequency: ANNUAL")
                .replace("unit: {code: percent, symbolZh: \"%\", nameEn: percent, kind: SHARE_PERCENT}\n"
                        + "    baseline", "unit: {code: permille, symbolZh: \"‰\", nameEn: per mille, kind: COUNT}\n"
                        + "    baseline")
                .replace("target: 500, unit: stations", "target: 500, unit: sites"));

        List<PlanProblem> problems = problems(() -> PlanAmendments.judge(PLAN,
                Optional.of(IN_FORCE), version2, EVERYTHING_REPORTED));

        assertThat(problems).extracting(PlanProblem::field).containsExactly("plan.targetYear", "indicators[0].unit",
                "indicators[0].direction", "indicators[1].frequency", "programmes[0].milestones[0].unit");
        assertThat(problems.get(1).message()).isEqualTo("indicator 'D-01' is reported in percent (SHARE_PERCENT);"
                + " its unit cannot change");
    }

    private static List<PlanProblem> problems(Runnable judging) {
        return catchThrowableOfType(InvalidPlanDocumentException.class, judging::run).problems();
    }

    private static PlanCatalogue parse(String yaml) {
        return PlanDocuments.parse(yaml.getBytes(StandardCharsets.UTF_8), PlanDocumentFormat.YAML);
    }

    private static String text(String resource) {
        try (InputStream in = PlanAmendmentsTest.class.getClassLoader().getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
