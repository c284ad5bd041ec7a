package cn.gov.planwatch.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Plans besides the shipped one, as the lead agency would publish them ({@code PUT /api/v1/plans/{plan}}): the
 * catalogue's YAML format, Chinese text included.
 */
public final class TestPlans {

    /**
     * A second plan, {@code ip-2026-2030}, led by CNIPA: it reuses the shipped plan's code IND-01 (another baseline
     * and target, reported by CNIPA) and brings an agency the shipped plan does not name, CAC, responsible for its
     * quarterly IND-02; one programme, {@code data-ip}, led by CNIPA with CAC and SAMR.
     */
    public static final String SECOND_PLAN = "ip-2026-2030";

    /** The agency the second plan brings. */
    public static final String NEW_AGENCY = "CAC";

    /** The second plan's document, version 1. */
    public static String secondPlanYaml() {
        return read("test-plans/" + SECOND_PLAN + ".yaml");
    }

    /**
     * The second plan's document at {@code version}, with IND-01's target for 2030 set to {@code target} (and the
     * increase over the baseline 14.6 kept consistent): an amendment a lead agency could make at mid-term.
     */
    public static String secondPlanYaml(int version, String target) {
        String increase = new java.math.BigDecimal(target).subtract(new java.math.BigDecimal("14.6")).toPlainString();
        return secondPlanYaml()
                .replace("  version: 1\n", "  version: " + version + "\n")
                .replace("    target: {year: 2030, value: 18}\n    increase: 3.4\n",
                        "    target: {year: 2030, value: " + target + "}\n    increase: " + increase + "\n");
    }

    private static String read(String resource) {
        try (InputStream in = TestPlans.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test plan at " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private TestPlans() {
    }
}
