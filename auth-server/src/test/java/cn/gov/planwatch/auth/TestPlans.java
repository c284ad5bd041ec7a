package cn.gov.planwatch.auth;

import cn.gov.planwatch.catalogue.PlanCatalogue;
import cn.gov.planwatch.catalogue.PlanCatalogueLoader;
import cn.gov.planwatch.catalogue.PlanDocumentFormat;
import cn.gov.planwatch.catalogue.PlanDocuments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The shipped plan, and plans published after it (test resources {@code plans/*.yaml}). */
public final class TestPlans {

    public static final PlanCatalogue SHIPPED = PlanCatalogueLoader.load(PlanCatalogueLoader.DEFAULT_LOCATION);

    /**
     * {@code plans/<name>.yaml}: a second plan naming MOFCOM ({@code trade-ip-v1}), then amended to be led by NDRC
     * ({@code trade-ip-v2}).
     */
    public static PlanCatalogue named(String name) {
        try (InputStream in = TestPlans.class.getResourceAsStream("/plans/" + name + ".yaml")) {
            return PlanDocuments.read(in, PlanDocumentFormat.YAML);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestPlans() {
    }
}
