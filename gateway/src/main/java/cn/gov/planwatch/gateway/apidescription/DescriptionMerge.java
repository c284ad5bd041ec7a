package cn.gov.planwatch.gateway.apidescription;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Merges the descriptions of the parts of PlanWatch into the one the gateway publishes. Each path belongs to exactly
 * one part (the gateway routes it to one service); a component or tag several parts declare must mean the same in
 * each. Everything is sorted by name, so the same parts always give the same text.
 */
final class DescriptionMerge {

    static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch",
            "trace");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private record Owned(String part, JsonNode node) {
    }

    private DescriptionMerge() {
    }

    /**
     * @param parts the services' descriptions and the gateway's own; the {@code info} and {@code servers} of the
     *              result are {@code published}'s, whatever the parts say of themselves
     * @throws ConflictingDescriptions naming every conflict found
     */
    static ObjectNode merge(List<ServiceDescription> parts, GatewayAnswers published) {
        List<String> conflicts = new ArrayList<>();
        Map<String, Owned> paths = new TreeMap<>();
        Map<String, Map<String, Owned>> components = new TreeMap<>();
        Map<String, Owned> tags = new TreeMap<>();
        String version = null;
        for (ServiceDescription part : parts) {
            String partVersion = part.document().path("openapi").asText();
            if (version == null) {
                version = partVersion;
            } else if (!version.equals(partVersion)) {
                conflicts.add(part.service() + " is written in OpenAPI " + partVersion + ", the others in " + version);
            }
            part.document().path("paths").properties().forEach(path -> {
                Owned earlier = paths.putIfAbsent(path.getKey(), new Owned(part.service(), path.getValue()));
                if (earlier != null) {
                    conflicts.add("path " + path.getKey() + " is described by " + earlier.part() + " and by "
                            + part.service());
                }
            });
            part.document().path("components").properties().forEach(kind -> kind.getValue().properties().forEach(
                    component -> declare(components.computeIfAbsent(kind.getKey(), k -> new TreeMap<>()),
                            "components." + kind.getKey(), component.getKey(), new Owned(part.service(),
                                    component.getValue()), conflicts)));
            part.document().path("tags").forEach(tag -> declare(tags, "tag", tag.path("name").asText(),
                    new Owned(part.service(), tag), conflicts));
        }
        if (!components.getOrDefault("schemas", Map.of()).containsKey(GatewayAnswers.PROBLEM)) {
            conflicts.add("no part describes the " + GatewayAnswers.PROBLEM + " schema every refusal answers with");
        }
        if (!conflicts.isEmpty()) {
            throw new ConflictingDescriptions(conflicts);
        }

        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", version);
        merged.set("info", published.info());
        merged.set("servers", published.servers());
        ObjectNode mergedPaths = NODES.objectNode();
        paths.forEach((path, owned) -> {
            ObjectNode item = owned.node().deepCopy();
            item.properties().stream().filter(method -> HTTP_METHODS.contains(method.getKey())).forEach(method -> {
                ObjectNode operation = (ObjectNode) method.getValue();
                published.addTo(operation, !owned.part().equals(GatewayAnswers.GATEWAY));
                operation.path("tags").forEach(tag -> tags.putIfAbsent(tag.asText(),
                        new Owned(owned.part(), NODES.objectNode().put("name", tag.asText()))));
            });
            mergedPaths.set(path, item);
        });
        ArrayNode mergedTags = merged.putArray("tags");
        tags.values().forEach(tag -> mergedTags.add(tag.node()));
        merged.set("paths", mergedPaths);
        ObjectNode mergedComponents = merged.putObject("components");
        components.forEach((kind, named) -> {
            ObjectNode byName = mergedComponents.putObject(kind);
            named.forEach((name, owned) -> byName.set(name, owned.node()));
        });
        return merged;
    }

    private static void declare(Map<String, Owned> declared, String kind, String name, Owned candidate,
            List<String> conflicts) {
        Owned earlier = declared.putIfAbsent(name, candidate);
        if (earlier != null && !earlier.node().equals(candidate.node())) {
            conflicts.add(kind + " " + name + " differs between " + earlier.part() + " and " + candidate.part()
                    + ": " + earlier.node() + " vs " + candidate.node());
        }
    }
}
