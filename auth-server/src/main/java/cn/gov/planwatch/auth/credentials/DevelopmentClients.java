package cn.gov.planwatch.auth.credentials;

import cn.gov.planwatch.catalogue.Agency;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Development clients and users: generated once, on the first start, from the catalogue's agencies, then read
 * back from the same file on every later start so that scripts and tokens keep working across restarts.
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
            users.add(new UserEntry(lowercase(agency.code()), password(), agency.code(), List.of("reporter")));
        }
        return new Credentials(clients, users);
    }

    public static String reporterClientId(String agencyCode) {
        return lowercase(agencyCode) + "-reporter";
    }

    private static String lowercase(String code) {
        return code.toLowerCase(Locale.ROOT);
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
