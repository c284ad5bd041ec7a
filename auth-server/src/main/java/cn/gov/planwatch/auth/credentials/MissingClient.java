package cn.gov.planwatch.auth.credentials;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import cn.gov.planwatch.catalogue.Agency;
import cn.gov.planwatch.catalogue.PlanCatalogue;

/**
 * A client a plan needs that the clients file lacks: a reporter for each agency the plan names, and a lead for the
 * plan's lead agency, which reviews that plan's quarterly updates. An agency counts as having one when any client
 * carries its code with that role, whatever the client is called (an operator's file may name them otherwise).
 *
 * @param agency the agency's code, as tokens carry it
 * @param role   {@code reporter} or {@code lead}
 */
public record MissingClient(String agency, String role) {

    public static final String REPORTER = "reporter";
    public static final String LEAD = "lead";

    /** What {@code plan} needs beyond {@code known}, reporters first, in the plan's order of agencies. */
    public static List<MissingClient> of(Credentials known, PlanCatalogue plan) {
        List<MissingClient> missing = new ArrayList<>();
        for (Agency agency : plan.agencies()) {
            if (!has(known, agency.code(), REPORTER)) {
                missing.add(new MissingClient(agency.code(), REPORTER));
            }
        }
        String lead = plan.plan().leadAgency();
        if (!has(known, lead, LEAD)) {
            missing.add(new MissingClient(lead, LEAD));
        }
        return missing;
    }

    /** {@code <agency>-reporter} or {@code <agency>-lead}, lower case. */
    public String clientId() {
        return lowercase(agency) + "-" + role;
    }

    /** The agency's reporter logs in as its lower-case code (as the shipped agencies' do), its lead adds "-lead". */
    public String username() {
        return REPORTER.equals(role) ? lowercase(agency) : clientId();
    }

    private static String lowercase(String code) {
        return code.toLowerCase(Locale.ROOT);
    }

    private static boolean has(Credentials known, String agency, String role) {
        return known.clients().stream().anyMatch(c -> c.agency().equals(agency) && c.roles().contains(role));
    }
}
