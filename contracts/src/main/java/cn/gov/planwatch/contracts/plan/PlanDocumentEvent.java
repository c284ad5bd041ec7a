package cn.gov.planwatch.contracts.plan;

import tools.jackson.databind.JsonNode;

/** A plan event that carries the whole validated plan document in force from then on. */
public sealed interface PlanDocumentEvent extends PlanLifecycleEvent permits PlanPublished, PlanAmended {

    /** The document's {@code plan.version}, a positive integer each amendment raises. */
    int version();

    /** The plan document in the catalogue's format, as JSON: {@code schemaVersion, plan, agencies, indicators, programmes}. */
    JsonNode document();

    @Override
    default String subject() {
        return plan() + "/v" + version();
    }

    /** The envelope must name the plan and version its document is; a reader would otherwise fold the wrong one. */
    static void requireConsistent(String plan, int version, JsonNode document) {
        new PlanId(plan);
        if (version < 1) {
            throw new IllegalArgumentException("a plan version is a positive integer, was " + version);
        }
        if (document == null || !document.isObject()) {
            throw new IllegalArgumentException("the plan document is required, as a JSON object");
        }
        JsonNode documentPlan = document.path("plan");
        if (!plan.equals(documentPlan.path("id").asString(null)) || documentPlan.path("version").asInt(0) != version) {
            throw new IllegalArgumentException("the document is not plan " + plan + " version " + version);
        }
    }
}
