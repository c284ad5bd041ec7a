package cn.gov.planwatch.gateway.apidescription;

import java.util.List;

/**
 * The services' descriptions cannot be merged into one: two claim the same path, or give one component name two
 * meanings. A fault of the build, not of a caller: publishing either version would mislead every client.
 */
public class ConflictingDescriptions extends RuntimeException {

    private final List<String> conflicts;

    ConflictingDescriptions(List<String> conflicts) {
        super("the services' API descriptions conflict: " + String.join("; ", conflicts));
        this.conflicts = List.copyOf(conflicts);
    }

    public List<String> conflicts() {
        return conflicts;
    }
}
