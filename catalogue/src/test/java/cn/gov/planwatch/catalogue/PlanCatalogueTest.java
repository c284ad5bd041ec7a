package cn.gov.planwatch.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Finding a plan's items by code: the same answers as a scan of its lists, whatever list the document came with. */
class PlanCatalogueTest {

    private static final PlanCatalogue CATALOGUE = PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION);

    @Test
    void findsEveryItemByItsCodeAndNothingElse() {
        CATALOGUE.indicators().forEach(i -> assertThat(CATALOGUE.indicator(i.code())).containsSame(i));
        CATALOGUE.programmes().forEach(p -> assertThat(CATALOGUE.programme(p.slug())).containsSame(p));
        CATALOGUE.agencies().forEach(a -> assertThat(CATALOGUE.agency(a.code())).containsSame(a));
        assertThat(CATALOGUE.indicator("ind-01")).isEmpty();
        assertThat(CATALOGUE.indicator(null)).isEmpty();
        assertThat(CATALOGUE.programme("IND-01")).isEmpty();
    }

    @Test
    void theFirstOfTwoItemsWithOneCodeIsFoundAsAScanWouldFindIt() {
        Indicator first = CATALOGUE.indicator("IND-01").orElseThrow();
        Indicator second = CATALOGUE.indicator("IND-02").orElseThrow();
        Indicator secondUnderFirstsCode = new Indicator(first.code(), second.number(), second.nameZh(),
                second.nameEn(), second.unit(), second.baseline(), second.target(), second.increase(),
                second.attribute(), second.direction(), second.responsibleAgency(), second.frequency(), second.bounds(),
                second.footnote());
        PlanCatalogue twice = new PlanCatalogue(1, CATALOGUE.plan(), CATALOGUE.agencies(),
                List.of(first, secondUnderFirstsCode), CATALOGUE.programmes());

        assertThat(twice.indicator(first.code())).containsSame(first);
    }

    @Test
    void equalsTheSameDocumentBuiltFromPlainLists() {
        PlanCatalogue copy = new PlanCatalogue(CATALOGUE.schemaVersion(), CATALOGUE.plan(),
                new ArrayList<>(CATALOGUE.agencies()), new ArrayList<>(CATALOGUE.indicators()),
                new ArrayList<>(CATALOGUE.programmes()));

        assertThat(copy).isEqualTo(CATALOGUE).hasSameHashCodeAs(CATALOGUE);
        assertThat(copy.indicators()).isEqualTo(List.copyOf(CATALOGUE.indicators()));
        assertThat(PlanDocuments.sameContent(copy, CATALOGUE)).isTrue();
    }
}
