package cn.gov.planwatch.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import cn.gov.planwatch.contracts.EventJson;
import cn.gov.planwatch.contracts.plan.PlanPublished;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/** A plan document as a lead agency sends it: read, validated with every problem listed, written as JSON. */
class PlanDocumentsTest {

    private static final byte[] SHIPPED_PLAN = resource("plans/ip-2021-2025.yaml");

    @Test
    void givenTheShippedPlan_whenParsedAsYaml_thenItIsValidAndIsTheCatalogueServicesStartWith() {
        PlanCatalogue plan = PlanDocuments.parse(SHIPPED_PLAN, PlanDocumentFormat.YAML);

        assertThat(plan).isEqualTo(PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION));
        assertThat(plan.plan().id()).isEqualTo("ip-2021-2025");
        assertThat(plan.plan().version()).isEqualTo(1);
    }

    @Test
    void givenFourBrokenRulesInYaml_whenParsed_thenExactlyThoseFourAreListedWithFieldAndLine() {
        assertThat(problems(resource("fixtures/documents/four-problems.yaml"), PlanDocumentFormat.YAML))
                .extracting(PlanProblem::field, PlanProblem::line, PlanProblem::message)
                .containsExactly(
                        tuple("indicators[0].increase", 21, "increase 6 is not target − baseline (17 − 10 = 7)"),
                        tuple("indicators[1].code", 27, "duplicate indicator code 'D-01' (first at indicators[0].code)"),
                        tuple("indicators[1].target.year", 32, "year 2031 is outside the plan period 2026–2030"),
                        tuple("programmes[0].leadAgency", 43, "unknown agency 'NBS'"));
    }

    @Test
    void givenTheSameFourBrokenRulesInJson_whenParsed_thenTheSameFourAreListed() {
        byte[] json = asPrettyJson(resource("fixtures/documents/four-problems.yaml"));

        List<PlanProblem> problems = problems(json, PlanDocumentFormat.JSON);

        assertThat(problems).extracting(PlanProblem::field).containsExactly("indicators[0].increase",
                "indicators[1].code", "indicators[1].target.year", "programmes[0].leadAgency");
        assertThat(problems).allSatisfy(problem -> assertThat(problem.line()).isPositive());
    }

    @Test
    void givenAnUnknownLeadAgencyOfThePlan_whenParsed_thenItIsNamedAtPlanLeadAgency() {
        byte[] yaml = replace(resource("fixtures/documents/valid.yaml"), "leadAgency: NDRC", "leadAgency: NBS");

        assertThat(problems(yaml, PlanDocumentFormat.YAML))
                .containsExactly(new PlanProblem("plan.leadAgency", "unknown agency 'NBS'", 9));
    }

    @Test
    void givenDuplicateCodesOfEveryKind_whenParsed_thenEachDuplicateIsListed() {
        byte[] yaml = replace(replace(replace(replace(resource("fixtures/documents/valid.yaml"),
                "{code: MEE,", "{code: NDRC,"),
                "code: D-02", "code: D-01"),
                "{code: industry,", "{code: monitoring,"),
                "stations, measure: monitoring}", "stations, measure: monitoring}\n"
                        + "      - {code: stations, nameZh: 监测站, nameEn: Stations, target: 5, unit: stations}");
        yaml = (new String(yaml, StandardCharsets.UTF_8) + """
                  - slug: clean-air
                    box: 2
                    titleZh: 蓝天保卫战
                    titleEn: Clean air again
                    leadAgency: NDRC
                """).getBytes(StandardCharsets.UTF_8);

        assertThat(problems(yaml, PlanDocumentFormat.YAML)).extracting(PlanProblem::field, PlanProblem::message)
                .contains(
                        tuple("agencies[1].code", "duplicate agency code 'NDRC' (first at agencies[0].code)"),
                        tuple("indicators[1].code", "duplicate indicator code 'D-01' (first at indicators[0].code)"),
                        tuple("programmes[0].measures[1].code",
                                "duplicate measure code 'monitoring' (first at programmes[0].measures[0].code)"),
                        tuple("programmes[0].milestones[1].code",
                                "duplicate milestone code 'stations' (first at programmes[0].milestones[0].code)"),
                        tuple("programmes[1].slug",
                                "duplicate programme slug 'clean-air' (first at programmes[0].slug)"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '^', textBlock = """
            id: IP 2021           | plan.id      | 'IP 2021' is not a plan id: lower-case letters and digits in words joined by single hyphens, starting with a letter, e.g. ip-2021-2025
            id: 2026-plan         | plan.id      | '2026-plan' is not a plan id: lower-case letters and digits in words joined by single hyphens, starting with a letter, e.g. ip-2021-2025
            version: 0            | plan.version | required
            version: -3           | plan.version | must be positive, was -3
            version: "2026.1"     | plan.version | '2026.1' is not an integer
            """)
    void givenABadPlanIdOrVersion_whenParsed_thenThePlanFieldIsNamed(String line, String field, String message) {
        String key = line.substring(0, line.indexOf(':'));
        byte[] yaml = replace(resource("fixtures/documents/valid.yaml"),
                key.equals("id") ? "id: demo-2026-2030" : "version: 1", line);

        assertThat(problems(yaml, PlanDocumentFormat.YAML)).containsExactly(
                new PlanProblem(field, message, key.equals("id") ? 3 : 4));
    }

    @Test
    void givenMissingRequiredFields_whenParsed_thenEachIsListedAsRequired() {
        byte[] yaml = replace(replace(resource("fixtures/documents/valid.yaml"),
                "  titleEn: 15th Five-Year Demonstration Plan\n", ""),
                "    frequency: QUARTERLY\n", "");

        assertThat(problems(yaml, PlanDocumentFormat.YAML)).extracting(PlanProblem::field, PlanProblem::message)
                .containsExactly(tuple("plan.titleEn", "required"), tuple("indicators[1].frequency", "required"));
    }

    @Test
    void givenMalformedYaml_whenParsed_thenOneProblemGivesTheLineWhereTheParserStopped() {
        byte[] yaml = replace(resource("fixtures/documents/valid.yaml"), "titleEn: Clean air", "titleEn: [Clean air");

        assertThat(problems(yaml, PlanDocumentFormat.YAML)).singleElement()
                .satisfies(problem -> assertThat(problem.line()).isEqualTo(43))
                .satisfies(problem -> assertThat(problem.message()).contains("flow sequence"));
    }

    @Test
    void givenMalformedJson_whenParsed_thenOneProblemGivesItsLine() {
        byte[] json = "{\n  \"schemaVersion\": 1,\n  \"plan\": {\"id\": \"demo\",, }\n}".getBytes(StandardCharsets.UTF_8);

        assertThat(problems(json, PlanDocumentFormat.JSON)).singleElement()
                .satisfies(problem -> assertThat(problem.line()).isEqualTo(3));
    }

    @Test
    void givenAnEmptyDocument_whenParsed_thenItIsOneProblem() {
        assertThat(problems(new byte[0], PlanDocumentFormat.YAML))
                .containsExactly(new PlanProblem("", "the document is empty", 1));
        assertThat(problems("# nothing yet\n".getBytes(StandardCharsets.UTF_8), PlanDocumentFormat.YAML))
                .containsExactly(new PlanProblem("", "the document is empty", 1));
        assertThat(problems(new byte[0], PlanDocumentFormat.JSON))
                .containsExactly(new PlanProblem("", "the document is empty", 1));
    }

    @Test
    void givenTheShippedPlan_whenWrittenAsJsonAndReadBack_thenEveryChineseTextAndDecimalSurvives() {
        PlanCatalogue plan = PlanDocuments.parse(SHIPPED_PLAN, PlanDocumentFormat.YAML);

        byte[] json = PlanDocuments.toJson(plan);

        assertThat(new String(json, StandardCharsets.UTF_8)).contains("“十四五”国家知识产权保护和运用规划")
                .contains("人力资源社会保障部").contains("\"value\":3194.4").contains("\"value\":13.0");
        assertThat(PlanDocuments.parse(json, PlanDocumentFormat.JSON)).isEqualTo(plan);
        assertThat(PlanDocuments.fromJsonTree(PlanDocuments.toJsonTree(plan))).isEqualTo(plan);
    }

    @Test
    void givenTheShippedPlan_whenCarriedByAPlanPublishedEvent_thenTheEventBodyConformsToTheContract() throws Exception {
        PlanCatalogue plan = PlanDocuments.parse(SHIPPED_PLAN, PlanDocumentFormat.YAML);
        PlanPublished published = new PlanPublished(UUID.randomUUID(), plan.plan().id(), plan.plan().version(),
                PlanDocuments.toJsonTree(plan), null, null, Instant.parse("2026-12-02T00:00:00Z"), "planwatch");

        byte[] body = EventJson.MAPPER.writeValueAsBytes(published);

        try (InputStream schema = getClass().getResourceAsStream("/schemas/" + PlanPublished.V1.ceType() + ".json")) {
            assertThat(JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(schema)
                    .validate(new ObjectMapper().readTree(body))).isEmpty();
        }
        assertThat(PlanDocuments.fromJsonTree(EventJson.MAPPER.readValue(body, PlanPublished.class).document()))
                .isEqualTo(plan);
    }

    @Test
    void givenTheSameFiguresWrittenDifferently_whenCompared_thenTheContentIsTheSame() {
        PlanCatalogue written = PlanDocuments.parse(resource("fixtures/documents/valid.yaml"), PlanDocumentFormat.YAML);
        PlanCatalogue rewritten = PlanDocuments.parse(replace(replace(resource("fixtures/documents/valid.yaml"),
                "value: 17.0}", "value: 17}"), "increase: 7.0", "increase: 7"), PlanDocumentFormat.YAML);
        PlanCatalogue renamed = PlanDocuments.parse(replace(resource("fixtures/documents/valid.yaml"),
                "titleEn: Clean air", "titleEn: Clean air for all"), PlanDocumentFormat.YAML);

        assertThat(PlanDocuments.sameContent(written, rewritten)).isTrue();
        assertThat(PlanDocuments.sameContent(written, PlanDocuments.fromJsonTree(PlanDocuments.toJsonTree(written))))
                .isTrue();
        assertThat(PlanDocuments.sameContent(written, renamed)).isFalse();
    }

    @Test
    void givenADocumentOverOneMebibyte_whenRead_thenItIsRefusedWithoutReadingItAll() {
        byte[] padded = Arrays.copyOf(SHIPPED_PLAN, PlanDocuments.MAX_BYTES + 1);
        Arrays.fill(padded, SHIPPED_PLAN.length, padded.length, (byte) '\n');
        CountingStream endless = new CountingStream();

        assertThatThrownBy(() -> PlanDocuments.parse(padded, PlanDocumentFormat.YAML))
                .isInstanceOf(PlanDocumentTooLargeException.class);
        assertThatThrownBy(() -> PlanDocuments.read(endless, PlanDocumentFormat.YAML))
                .isInstanceOf(PlanDocumentTooLargeException.class);
        assertThat(endless.read).isEqualTo(PlanDocuments.MAX_BYTES + 1L);
    }

    @Test
    void givenADocumentOfExactlyOneMebibyte_whenRead_thenItIsParsed() throws IOException {
        byte[] padded = Arrays.copyOf(SHIPPED_PLAN, PlanDocuments.MAX_BYTES);
        Arrays.fill(padded, SHIPPED_PLAN.length, padded.length, (byte) '\n');

        assertThat(PlanDocuments.read(new ByteArrayInputStream(padded), PlanDocumentFormat.YAML).plan().id())
                .isEqualTo("ip-2021-2025");
    }

    @ParameterizedTest
    @CsvSource(textBlock = """
            application/yaml,                 YAML
            application/x-yaml,               YAML
            text/yaml,                        YAML
            application/json,                 JSON
            'application/json; charset=UTF-8', JSON
            application/vnd.planwatch+json,   JSON
            """)
    void givenAMediaType_whenItNamesYamlOrJson_thenThatIsTheFormat(String mediaType, PlanDocumentFormat format) {
        assertThat(PlanDocumentFormat.ofMediaType(mediaType)).contains(format);
    }

    @Test
    void givenAnyOtherMediaType_whenAsked_thenThereIsNoFormat() {
        assertThat(PlanDocumentFormat.ofMediaType("text/plain")).isEmpty();
        assertThat(PlanDocumentFormat.ofMediaType("application/xml")).isEmpty();
        assertThat(PlanDocumentFormat.ofMediaType(null)).isEmpty();
    }

    static List<PlanProblem> problems(byte[] document, PlanDocumentFormat format) {
        return catchThrowableOfType(InvalidPlanDocumentException.class,
                () -> PlanDocuments.parse(document, format)).problems();
    }

    static byte[] resource(String name) {
        try (InputStream in = PlanDocumentsTest.class.getClassLoader().getResourceAsStream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] replace(byte[] document, String text, String replacement) {
        String before = new String(document, StandardCharsets.UTF_8);
        assertThat(before).as("the fixture has %s", text).contains(text);
        return before.replace(text, replacement).getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] asPrettyJson(byte[] yaml) {
        return JsonMapper.builder().build().writerWithDefaultPrettyPrinter()
                .writeValueAsBytes(new YAMLMapper().readTree(yaml));
    }

    /** An endless document of blank lines that counts what is read from it. */
    private static final class CountingStream extends InputStream {
        long read;

        @Override
        public int read() {
            read++;
            return '\n';
        }
    }
}
