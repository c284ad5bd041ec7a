package cn.gov.planwatch.auth;

import cn.gov.planwatch.auth.credentials.ClientEntry;
import cn.gov.planwatch.auth.credentials.Credentials;
import cn.gov.planwatch.auth.credentials.CredentialsFile;
import cn.gov.planwatch.auth.credentials.DevelopmentClients;
import cn.gov.planwatch.auth.credentials.MissingClient;
import cn.gov.planwatch.auth.credentials.UserEntry;
import cn.gov.planwatch.catalogue.PlanCatalogue;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * Gives each agency a plan names the clients it needs ({@link MissingClient}): agencies are government-wide, and a
 * plan published while the stack runs may bring new ones. Outside profile {@code prod} they are generated, appended
 * to the clients file (which the launcher and scripts read) and registered at once, so that the new agency's
 * reporter gets a token without a restart; what the file holds already never changes. In {@code prod} the file is
 * the operators' and is never written: each missing client is named in a warning instead.
 */
public class AgencyClients {

    private static final Log log = LogFactory.getLog(AgencyClients.class);

    private final CredentialSources sources;
    private final DevelopmentClients development;
    private final HashedOnFirstUseClients clients;
    private final HashedOnFirstUseUsers users;
    private final Set<MissingClient> warned = new HashSet<>();
    private Credentials known;

    AgencyClients(CredentialSources sources, Credentials loaded, DevelopmentClients development,
            HashedOnFirstUseClients clients, HashedOnFirstUseUsers users) {
        this.sources = sources;
        this.known = loaded;
        this.development = development;
        this.clients = clients;
        this.users = users;
    }

    /** Makes sure every agency of {@code plan} has its clients; a plan seen before adds nothing. */
    public synchronized void provideFor(PlanCatalogue plan) {
        if (!sources.generateWhenMissing()) {
            warnOfMissing(plan);
            return;
        }
        Path file = sources.clientsFile();
        // The file is what the launcher and scripts see: entries are judged, and kept, as it holds them now.
        Credentials onFile = Files.exists(file) ? CredentialsFile.read(file) : known;
        List<MissingClient> missing = MissingClient.of(onFile, plan);
        if (missing.isEmpty()) {
            return;
        }
        Credentials added = development.issue(onFile, missing);
        if (added.isEmpty()) {
            return;
        }
        known = onFile.plus(added);
        CredentialsFile.write(file, known);
        added.clients().forEach(clients::register);
        added.users().forEach(users::register);
        log.info("plan %s: added %s to %s".formatted(plan.plan().id(),
                added.clients().stream().map(ClientEntry::clientId).toList(), file));
    }

    private void warnOfMissing(PlanCatalogue plan) {
        for (MissingClient needed : MissingClient.of(known, plan)) {
            if (warned.add(needed)) {
                log.warn(("agency %s of plan %s has no %s client in %s, so it cannot act on the plan: add one "
                        + "(e.g. %s) and a %s user, then restart").formatted(needed.agency(), plan.plan().id(),
                        needed.role(), sources.clientsFile(), needed.clientId(), needed.role()));
            }
        }
    }
}
