package cn.gov.planwatch.catalogue;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The documents of plan versions as a service stores them (JSON, keyed by the event that recorded the version),
 * each read and validated once: a version's document never changes once recorded, and it is needed on every report.
 */
public final class StoredPlanVersions {

    private final Map<UUID, PlanCatalogue> parsed = new ConcurrentHashMap<>();

    /** The document of the version {@code versionEventId} recorded; {@code json} is fetched the first time only. */
    public PlanCatalogue document(UUID versionEventId, Supplier<String> json) {
        return parsed.computeIfAbsent(versionEventId,
                id -> PlanDocuments.parse(json.get().getBytes(StandardCharsets.UTF_8), PlanDocumentFormat.JSON));
    }
}
