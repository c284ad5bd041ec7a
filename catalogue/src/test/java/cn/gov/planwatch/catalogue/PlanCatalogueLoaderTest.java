package cn.gov.planwatch.catalogue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The real catalogue of the 2021–2025 IP plan, against plan-brief.md. */
class PlanCatalogueLoaderTest {

    private static final PlanCatalogue CATALOGUE = PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION);

    @Test
    void describesThePlan() {
        assertThat(CATALOGUE.schemaVersion()).isEqualTo(1);
        assertThat(CATALOGUE.plan()).isEqualTo(new Plan("ip-2021-2025", 1,
                "“十四五”国家知识产权保护和运用规划",
                "14th Five-Year Plan for the Protection and Utilisation of Intellectual Property",
                2021, 2025, "CNIPA"));
    }

    @Test
    void hasTheEighteenAgenciesInChinese() {
        assertThat(CATALOGUE.agencies()).hasSize(18)
                .extracting(Agency::code)
                .containsExactly("CNIPA", "SAMR", "SPC", "MPS", "MARA", "NFGA", "MOE", "MIIT", "CAS", "CPD",
                        "PBOC", "SASAC", "CBIRC", "MCT", "NRTA", "COD", "MOHRSS", "CAST");
        assertThat(CATALOGUE.agency("CNIPA")).get().extracting(Agency::nameZh).isEqualTo("国家知识产权局");
        assertThat(CATALOGUE.agency("MOHRSS")).get().extracting(Agency::nameZh).isEqualTo("人力资源社会保障部");
        assertThat(CATALOGUE.agency("MOE").orElseThrow().note()).contains("教育");
        assertThat(CATALOGUE.agency("XYZ")).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
            "IND-01, 1, 每万人口高价值发明专利拥有量,   件,  COUNT,         6.2,    12.12, 5.92,  CNIPA",
            "IND-02, 2, 海外发明专利授权量,             万件, COUNT,         4,      9,     5,     CNIPA",
            "IND-03, 3, 知识产权质押融资登记金额,       亿元, AMOUNT,        2180,   3200,  1020,  CNIPA",
            "IND-04, 4, 知识产权使用费年进出口总额,     亿元, AMOUNT,        3194.4, 3500,  305.6, CNIPA",
            "IND-05, 5, 专利密集型产业增加值占 GDP 比重, %,   SHARE_PERCENT, 11.6,   13.0,  1.4,   CNIPA",
            "IND-06, 6, 版权产业增加值占 GDP 比重,      %,    SHARE_PERCENT, 7.39,   7.5,   0.11,  CPD",
            "IND-07, 7, 知识产权保护社会满意度,         分,   SCORE,         80.05,  82,    1.95,  CNIPA",
    })
    void indicatorsHaveTheBriefsFigures(String code, int number, String nameZh, String unit, UnitKind kind,
                                        BigDecimal baseline, BigDecimal target, BigDecimal increase,
                                        String responsibleAgency) {
        Indicator indicator = CATALOGUE.indicator(code).orElseThrow();
        assertThat(indicator.number()).isEqualTo(number);
        assertThat(indicator.nameZh()).isEqualTo(nameZh);
        assertThat(indicator.unit().symbolZh()).isEqualTo(unit);
        assertThat(indicator.unit().kind()).isEqualTo(kind);
        assertThat(indicator.baseline().year()).isEqualTo(2020);
        assertThat(indicator.baseline().value()).isEqualByComparingTo(baseline);
        assertThat(indicator.target().year()).isEqualTo(2025);
        assertThat(indicator.target().value()).isEqualByComparingTo(target);
        assertThat(indicator.increase()).isEqualByComparingTo(increase);
        assertThat(indicator.attribute()).isEqualTo(Attribute.EXPECTED);
        assertThat(indicator.direction()).isEqualTo(1);
        assertThat(indicator.frequency()).isEqualTo(Frequency.ANNUAL);
        assertThat(indicator.quarterly()).isFalse();
        assertThat(indicator.responsibleAgency()).isEqualTo(responsibleAgency);
    }

    @Test
    void hasEightIndicatorsAllExpected() {
        assertThat(CATALOGUE.indicators()).extracting(Indicator::code)
                .containsExactly("IND-01", "IND-02", "IND-03", "IND-04", "IND-05", "IND-06", "IND-07", "IND-08");
        assertThat(CATALOGUE.indicators()).extracting(Indicator::attribute).containsOnly(Attribute.EXPECTED);
        assertThat(Attribute.EXPECTED.nameZh()).isEqualTo("预期性");
        assertThat(CATALOGUE.indicatorsReportedBy("CPD")).extracting(Indicator::code).containsExactly("IND-06");
        assertThat(CATALOGUE.indicatorsReportedBy("SPC")).extracting(Indicator::code).containsExactly("IND-08");
        assertThat(CATALOGUE.indicatorsReportedBy("CNIPA")).hasSize(6);
    }

    @Test
    void decimalsKeepTheScaleWrittenInTheFile() {
        assertThat(CATALOGUE.indicator("IND-01").orElseThrow().target().value()).isEqualTo(new BigDecimal("12.12"));
        assertThat(CATALOGUE.indicator("IND-05").orElseThrow().target().value()).isEqualTo(new BigDecimal("13.0"));
        assertThat(CATALOGUE.indicator("IND-02").orElseThrow().baseline().value()).isEqualTo(new BigDecimal("4"));
    }

    @Test
    void ind08HasATargetOnly() {
        Indicator ind08 = CATALOGUE.indicator("IND-08").orElseThrow();
        assertThat(ind08.nameZh()).isEqualTo("知识产权民事一审案件服判息诉率");
        assertThat(ind08.baseline()).isNull();
        assertThat(ind08.increase()).isNull();
        assertThat(ind08.target()).isEqualTo(new Target(2025, new BigDecimal("85")));
        assertThat(ind08.bounds()).isEqualTo(new Bounds(BigDecimal.ZERO, new BigDecimal("100")));
    }

    @Test
    void footnoteMarkersSitWhereTheSeedHasThem() {
        assertThat(CATALOGUE.indicator("IND-01").orElseThrow().footnote()).isEqualTo(new Footnote("①", "name", null));
        assertThat(CATALOGUE.indicator("IND-03").orElseThrow().footnote()).isEqualTo(new Footnote("②", "name", null));
        assertThat(CATALOGUE.indicator("IND-05").orElseThrow().footnote()).isEqualTo(new Footnote("③", "baseline", null));
        assertThat(CATALOGUE.indicator("IND-06").orElseThrow().footnote()).isEqualTo(new Footnote("④", "baseline", null));
        assertThat(CATALOGUE.indicator("IND-05").orElseThrow().baseline().note()).contains("③");
        assertThat(CATALOGUE.indicator("IND-02").orElseThrow().footnote()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "trade-secrets            | 1  | 商业秘密保护工程             | SAMR  | SPC MPS",
            "protection-centres       | 3  | 知识产权保护机构建设工程     | CNIPA | ''",
            "plant-varieties          | 4  | 植物新品种保护体系建设工程   | MARA  | NFGA CNIPA",
            "geographical-indications | 5  | 地理标志保护工程             | CNIPA | SAMR MARA",
            "patent-navigation        | 7  | 专利导航工程                 | CNIPA | MOE MIIT CAS",
            "sme-ip-strategy          | 9  | 中小企业知识产权战略推进工程 | MIIT  | CPD PBOC SASAC SAMR CBIRC CNIPA",
            "trademark-brands         | 10 | 商标品牌建设工程             | CNIPA | MIIT MARA SAMR",
            "copyright-innovation     | 10 | 版权创新发展工程             | CPD   | MCT NRTA",
            "rural-revitalisation     | 11 | 知识产权助力乡村振兴工程     | MARA  | NFGA CNIPA",
            "ip-education             | 15 | 知识产权普及教育工程         | CNIPA | COD CPD MOHRSS CAST",
    })
    void programmesHaveTheBriefsLeadsAndParticipants(String slug, int box, String titleZh, String lead,
                                                     String participants) {
        Programme programme = CATALOGUE.programme(slug).orElseThrow();
        assertThat(programme.box()).isEqualTo(box);
        assertThat(programme.titleZh()).isEqualTo(titleZh);
        assertThat(programme.leadAgency()).isEqualTo(lead);
        assertThat(programme.participatingAgencies())
                .containsExactly(participants.isBlank() ? new String[0] : participants.split(" "));
        assertThat(programme.measures()).isNotEmpty();
    }

    @Test
    void hasTenProgrammesTwoOfThemInBox10() {
        assertThat(CATALOGUE.programmes()).hasSize(10);
        assertThat(CATALOGUE.programmes()).filteredOn(p -> p.box() == 10).extracting(Programme::slug)
                .containsExactly("trademark-brands", "copyright-innovation");
        assertThat(CATALOGUE.programmesInvolving("NFGA")).extracting(Programme::slug)
                .containsExactly("plant-varieties", "rural-revitalisation");
        assertThat(CATALOGUE.programme("trade-secrets").orElseThrow().measures())
                .extracting(Measure::code, Measure::titleZh)
                .containsExactly(
                        tuple("policy", "健全商业秘密保护政策"),
                        tuple("capacity", "提升市场主体商业秘密保护能力"),
                        tuple("cross-border", "建立健全跨境商业秘密保护援助体系"));
    }

    @Test
    void geographicalIndicationsHaveTwoPartsAndAMilestone() {
        Programme gi = CATALOGUE.programme("geographical-indications").orElseThrow();
        assertThat(gi.measure("gi-special-action")).contains(new Measure("gi-special-action",
                "实施地理标志保护专项行动", "Run a special action for geographical-indication protection",
                "CNIPA", List.of("SAMR", "MARA")));
        Measure agriProducts = gi.measure("gi-agri-products").orElseThrow();
        assertThat(agriProducts.titleZh()).isEqualTo("实施地理标志农产品保护工程");
        assertThat(agriProducts.leadAgency()).isNull();
        assertThat(agriProducts.agencies()).containsExactly("MARA", "CNIPA");

        Milestone zones = gi.milestone("gi-demo-zones").orElseThrow();
        assertThat(zones.nameZh()).isEqualTo("建成100个国家地理标志产品保护示范区");
        assertThat(zones.target()).isEqualByComparingTo("100");
        assertThat(zones.measure()).isEqualTo("gi-special-action");
        assertThat(gi.involves("MARA")).isTrue();
        assertThat(gi.involves("SPC")).isFalse();
    }

    @Test
    void absentListsAreEmptyAndNoListCanBeChanged() {
        Programme tradeSecrets = CATALOGUE.programme("trade-secrets").orElseThrow();
        assertThat(tradeSecrets.milestones()).isEmpty();
        assertThat(tradeSecrets.measure("policy").orElseThrow().agencies()).isEmpty();
        assertThatThrownBy(() -> CATALOGUE.agencies().add(null)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> tradeSecrets.participatingAgencies().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void loadsFromAFilesystemPathAndAFileUrl() {
        Path file = Path.of("src/main/resources/plans/ip-2021-2025.yaml").toAbsolutePath();
        assertThat(PlanCatalogueLoader.load(file.toString())).isEqualTo(CATALOGUE);
        assertThat(PlanCatalogueLoader.load(file.toUri().toString())).isEqualTo(CATALOGUE);
    }

    @Test
    void aMissingFileIsACatalogueException() {
        assertThatThrownBy(() -> PlanCatalogueLoader.load("classpath:plans/none.yaml"))
                .isInstanceOf(CatalogueException.class)
                .hasMessageContaining("none.yaml: cannot read classpath:plans/none.yaml");
    }
}
