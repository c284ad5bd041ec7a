package cn.gov.planwatch.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each broken fixture must be reported at the line and field of its defect. */
class BrokenCatalogueTest {

    @Test
    void unknownAgencyReference() {
        assertThat(problems("unknown-agency.yaml"))
                .containsExactly("unknown-agency.yaml:21: indicators[0].responsibleAgency: unknown agency 'XYZ'");
    }

    @Test
    void duplicateIndicatorCode() {
        assertThat(problems("duplicate-indicator-code.yaml")).containsExactly(
                "duplicate-indicator-code.yaml:17: indicators[1].code: duplicate indicator code 'IND-01'"
                        + " (first at indicators[0].code)");
    }

    @Test
    void increaseThatIsNotTargetMinusBaseline() {
        assertThat(problems("increase-mismatch.yaml")).containsExactly(
                "increase-mismatch.yaml:13: indicators[0].increase: increase 5.91 is not target − baseline"
                        + " (12.12 − 6.2 = 5.92)");
    }

    @Test
    void malformedYaml() {
        assertThat(problems("malformed.yaml")).singleElement().asString()
                .isEqualTo("malformed.yaml:6: plan.titleZh[0]: while parsing a flow sequence: expected ',' or ']', but got :");
    }

    @Test
    void nonNumericValue() {
        assertThat(problems("non-numeric.yaml"))
                .containsExactly("non-numeric.yaml:13: indicators[0].target.value: 'abc' is not a number");
    }

    @Test
    void unknownField() {
        assertThat(problems("unknown-field.yaml")).singleElement().asString()
                .startsWith("unknown-field.yaml:11: programmes[0].owner: unknown field; expected one of [");
    }

    @Test
    void reportsEveryProblemInOneMessage() {
        CatalogueException e = loadBroken("two-problems.yaml");
        assertThat(e.problems()).containsExactly(
                "two-problems.yaml:12: indicators[0].attribute: 'EXPECTD' is not one of [EXPECTED, BINDING]",
                "two-problems.yaml:24: programmes[0].milestones[0].measure: unknown measure 'gi-special-action'"
                        + " in programme 'geographical-indications'");
        assertThat(e.getMessage()).contains("(2 problems)").contains(e.problems());
    }

    @Test
    void everyBrokenRuleIsReportedInFileOrder() {
        assertThat(problems("many-rules.yaml")).containsExactly(
                "many-rules.yaml:1: schemaVersion: unsupported schema version 2; this loader reads version 1",
                "many-rules.yaml:2: plan.targetYear: targetYear 2025 is before firstYear 2026",
                "many-rules.yaml:5: agencies[1].code: duplicate agency code 'CNIPA' (first at agencies[0].code)",
                "many-rules.yaml:5: agencies[1].nameEn: required",
                "many-rules.yaml:13: indicators[0].baseline.year: baseline year 2030 is not before the target year 2030",
                "many-rules.yaml:13: indicators[0].baseline.value: value -5 is outside the bounds 0..120",
                "many-rules.yaml:14: indicators[0].target.year: year 2030 is outside the plan period 2026–2025",
                "many-rules.yaml:16: indicators[0].direction: must be 1 (more is better) or -1 (less is better), was 2",
                "many-rules.yaml:19: indicators[0].bounds.max: SHARE_PERCENT needs a max within 0..100",
                "many-rules.yaml:21: indicators[1].number: duplicate indicator number '1' (first at indicators[0].number)",
                "many-rules.yaml:25: indicators[1].target.year: year 2025 is outside the plan period 2026–2025",
                "many-rules.yaml:25: indicators[1].target.value: value 5 is outside the bounds 10..0",
                "many-rules.yaml:26: indicators[1].increase: an increase needs a baseline to increase from",
                "many-rules.yaml:31: indicators[1].bounds.max: max 0 is below min 10",
                "many-rules.yaml:32: indicators[1].footnote.on: the footnote is on a baseline the indicator does not have",
                "many-rules.yaml:39: programmes[0].participatingAgencies[0]: 'SAMR' is the lead agency; it is not listed again",
                "many-rules.yaml:39: programmes[0].participatingAgencies[2]: agency 'CNIPA' is listed twice",
                "many-rules.yaml:41: programmes[0].measures[0].leadAgency: unknown agency 'MPS'",
                "many-rules.yaml:42: programmes[0].measures[1].code: duplicate measure code 'policy'"
                        + " (first at programmes[0].measures[0].code)",
                "many-rules.yaml:44: programmes[0].milestones[0].target: must be greater than 0, was 0");
    }

    @Test
    void valuesOfTheWrongShapeAreAllReported() {
        assertThat(problems("wrong-shapes.yaml")).containsExactly(
                "wrong-shapes.yaml:2: plan: expected a mapping, found 'CNIPA'",
                "wrong-shapes.yaml:7: programmes[0].box: 'one' is not an integer",
                "wrong-shapes.yaml:11: programmes[0].participatingAgencies: expected a list, found 'CNIPA'",
                "wrong-shapes.yaml:12: programmes[0].measures[0].titleZh: expected text, found a list");
    }

    @Test
    void anEmptyListEntryIsReported() {
        assertThat(problems("null-entry.yaml")).singleElement().asString()
                .startsWith("null-entry.yaml:12: programmes[0].participatingAgencies[0]: ");
    }

    @Test
    void aKeyGivenTwiceIsReported() {
        assertThat(problems("duplicate-key.yaml"))
                .containsExactly("duplicate-key.yaml:3: plan: Duplicate Object property \"plan\"");
    }

    private static List<String> problems(String fixture) {
        return loadBroken(fixture).problems();
    }

    private static CatalogueException loadBroken(String fixture) {
        return catchThrowableOfType(CatalogueException.class,
                () -> PlanCatalogueLoader.load("classpath:fixtures/broken/" + fixture));
    }
}
