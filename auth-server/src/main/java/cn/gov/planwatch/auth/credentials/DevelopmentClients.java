package cn.gov.planwatch.auth.credentials;

import cn.gov.planwatch.catalogue.Agency;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Development clients and users: generated on the first start from the catalogue's agencies, then read back from
 * the same file on every later start so that scripts and tokens keep working across restarts. Agencies that plans
 * published later bring get theirs added ({@link #issue}); what is in the file never changes.
 */
public final class DevelopmentClients {

    public static final String LEAD_CLIENT = "cnipa-lead";
    public static final String OPERATOR_CLIENT = "planwatch-operator";
    public static final String GATEWAY_CLIENT = "planwatch-gateway";
    /** The agency that leads the plan; its staff hold the national roles. */
    public static final String LEAD_AGENCY = "CNIPA";

    private static final Log log = LogFactory.getLog(DevelopmentClients.class);

    private final PlanCatalogue catalogue;
    private final SecureRandom random = new SecureRandom();

    public DevelopmentClients(PlanCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    public Credentials loadOrGenerate(Path file) {
        if (Files.exists(file)) {
            Credentials credentials = CredentialsFile.read(file);
            log.info("loaded %d development clients from %s".formatted(credentials.clients().size(), file));
            return credentials;
        }
        Credentials credentials = generate();
        CredentialsFile.write(file, credentials);
        log.info("generated %d development clients in %s".formatted(credentials.clients().size(), file));
        return credentials;
    }

    public Credentials generate() {
        List<ClientEntry> clients = new ArrayList<>();
        List<UserEntry> users = new ArrayList<>();
        for (Agency agency : catalogue.agencies()) {
            clients.add(ClientEntry.machine(reporterClientId(agency.code()), secret(), agency.code(), "reporter"));
        }
        clients.add(ClientEntry.machine(LEAD_CLIENT, secret(), LEAD_AGENCY, "lead"));
        clients.add(ClientEntry.machine(OPERATOR_CLIENT, secret(), LEAD_AGENCY, "operator"));
        clients.add(new ClientEntry(GATEWAY_CLIENT, secret(), LEAD_AGENCY, List.of(), ClientEntry.GATEWAY_LOGIN));

        users.add(new UserEntry("lead", password(), LEAD_AGENCY, List.of("lead")));
        users.add(new UserEntry("operator", password(), LEAD_AGENCY, List.of("operator")));
        for (Agency agency : catalogue.agencies()) {
            MissingClient reporter = new MissingClient(agency.code(), MissingClient.REPORTER);
            users.add(new UserEntry(reporter.username(), password(), agency.code(), List.of("reporter")));
        }
        return new Credentials(clients, users);
    }

    /**
     * New clients, each with its person, for what is {@code missing} from {@code known}. A client id or user name
     * already taken (an agency coded like an existing user, say) is left out rather than changed, with a warning.
     */
    public Credentials issue(Credentials known, List<MissingClient> missing) {
        Set<String> clientIds = new HashSet<>();
        known.clients().forEach(c -> clientIds.add(c.clientId()));
        Set<String> usernames = new HashSet<>();
        known.users().forEach(u -> usernames.add(u.username()));
        List<ClientEntry> clients = new ArrayList<>();
        List<UserEntry> users = new ArrayList<>();
        for (MissingClient needed : missing) {
            if (clientIds.add(needed.clientId())) {
                clients.add(ClientEntry.machine(needed.clientId(), secret(), needed.agency(), needed.role()));
            } else {
                log.warn("client id %s is taken by another agency's client; agency %s gets no %s client"
                        .formatted(needed.clientId(), needed.agency(), needed.role()));
            }
            if (usernames.add(needed.username())) {
                users.add(new UserEntry(needed.username(), password(), needed.agency(), List.of(needed.role())));
            } else {
                log.warn("user name %s is taken; agency %s gets no %s user"
                        .formatted(needed.username(), needed.agency(), needed.role()));
            }
        }
        return new Credentials(clients, users);
    }

    public static String reporterClientId(String agencyCode) {
        return new MissingClient(agencyCode, MissingClient.REPORTER).clientId();
    }

    /** 256 bits: client secrets are only ever pasted by machines. */
    private String secret() {
        return randomText(32);
    }

    /** 144 bits: still far beyond guessing, yet short enough for a person to paste into a login form. */
    private String password() {
        return randomText(18);
    }

    private String randomText(int bytes) {
        byte[] buffer = new byte[bytes];
        random.nextBytes(buffer);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buffer);
    }
}
