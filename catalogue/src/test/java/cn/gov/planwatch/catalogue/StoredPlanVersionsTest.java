package cn.gov.planwatch.catalogue;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class StoredPlanVersionsTest {

    @Test
    void aStoredVersionIsFetchedAndReadOnceAndEachVersionIsItsOwn() {
        PlanCatalogue shipped = PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION);
        String json = new String(PlanDocuments.toJson(shipped), StandardCharsets.UTF_8);
        StoredPlanVersions versions = new StoredPlanVersions();
        AtomicInteger fetches = new AtomicInteger();
        UUID first = UUID.randomUUID();

        PlanCatalogue read = versions.document(first, () -> {
            fetches.incrementAndGet();
            return json;
        });
        PlanCatalogue again = versions.document(first, () -> {
            fetches.incrementAndGet();
            return json;
        });

        assertThat(PlanDocuments.sameContent(read, shipped)).isTrue();
        assertThat(again).isSameAs(read);
        assertThat(fetches).hasValue(1);
        assertThat(versions.document(UUID.randomUUID(), () -> json)).as("another version is read on its own")
                .isNotSameAs(read);
    }
}
