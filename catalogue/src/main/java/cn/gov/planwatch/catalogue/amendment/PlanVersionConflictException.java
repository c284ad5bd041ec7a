package cn.gov.planwatch.catalogue.amendment;

/**
 * A proposed document whose version cannot follow the version in force: the same version with other content,
 * or a lower version. The document itself may be valid; it is the history it would rewrite that is refused.
 */
public class PlanVersionConflictException extends RuntimeException {

    private final String planId;
    private final int versionInForce;
    private final int proposedVersion;

    public PlanVersionConflictException(String planId, int versionInForce, int proposedVersion) {
        super(proposedVersion == versionInForce
                ? "plan '%s' version %d is already published with other content; an amendment takes a higher version"
                        .formatted(planId, versionInForce)
                : "plan '%s' is at version %d; version %d cannot follow it".formatted(planId, versionInForce,
                        proposedVersion));
        this.planId = planId;
        this.versionInForce = versionInForce;
        this.proposedVersion = proposedVersion;
    }

    public String planId() {
        return planId;
    }

    public int versionInForce() {
        return versionInForce;
    }

    public int proposedVersion() {
        return proposedVersion;
    }
}
