package cn.gov.planwatch.auth.credentials;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import cn.gov.planwatch.auth.TestPlans;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissingClientTest {

    private final DevelopmentClients development = new DevelopmentClients(TestPlans.SHIPPED);
    private final Credentials shipped = development.generate();

    @Test
    void theShippedPlanNeedsNothingBeyondTheClientsGeneratedForIt() {
        assertThat(MissingClient.of(shipped, TestPlans.SHIPPED)).isEmpty();
    }

    @Test
    void aPlanNamingANewAgencyNeedsAReporterForItAlone() {
        assertThat(MissingClient.of(shipped, TestPlans.named("trade-ip-v1")))
                .containsExactly(new MissingClient("MOFCOM", "reporter"));
    }

    @Test
    void aPlanLedByANewAgencyNeedsItsReporterAndALead() {
        assertThat(MissingClient.of(shipped, TestPlans.named("trade-ip-v2")))
                .extracting(MissingClient::agency, MissingClient::role, MissingClient::clientId, MissingClient::username)
                .containsExactly(
                        tuple("MOFCOM", "reporter", "mofcom-reporter", "mofcom"),
                        tuple("NDRC", "reporter", "ndrc-reporter", "ndrc"),
                        tuple("NDRC", "lead", "ndrc-lead", "ndrc-lead"));
    }

    @Test
    void anAgencyWithAReporterOfAnotherNameHasOne() {
        Credentials operatorsFile = new Credentials(List.of(
                ClientEntry.machine("commerce-machine", "s1", "MOFCOM", "reporter"),
                ClientEntry.machine("national-review", "s2", "CNIPA", "lead"),
                ClientEntry.machine("cnipa-sync", "s3", "CNIPA", "reporter")), List.of());

        assertThat(MissingClient.of(operatorsFile, TestPlans.named("trade-ip-v1"))).isEmpty();
    }

    @Test
    void anotherRoleOfTheAgencyIsNoReporter() {
        Credentials leadOnly = new Credentials(List.of(
                ClientEntry.machine("cnipa-lead", "s1", "CNIPA", "lead"),
                ClientEntry.machine("mofcom-lead", "s2", "MOFCOM", "lead")), List.of());

        assertThat(MissingClient.of(leadOnly, TestPlans.named("trade-ip-v1")))
                .containsExactly(new MissingClient("CNIPA", "reporter"), new MissingClient("MOFCOM", "reporter"));
    }

    @Test
    void issuedClientsAndPeopleCarryTheAgencyAndRoleWithFreshSecrets() {
        Credentials added = development.issue(shipped, MissingClient.of(shipped, TestPlans.named("trade-ip-v2")));

        assertThat(added.clients()).extracting(ClientEntry::clientId, ClientEntry::agency, ClientEntry::roles)
                .containsExactly(
                        tuple("mofcom-reporter", "MOFCOM", List.of("reporter")),
                        tuple("ndrc-reporter", "NDRC", List.of("reporter")),
                        tuple("ndrc-lead", "NDRC", List.of("lead")));
        assertThat(added.users()).extracting(UserEntry::username, UserEntry::agency, UserEntry::roles)
                .containsExactly(
                        tuple("mofcom", "MOFCOM", List.of("reporter")),
                        tuple("ndrc", "NDRC", List.of("reporter")),
                        tuple("ndrc-lead", "NDRC", List.of("lead")));
        assertThat(added.clients()).extracting(ClientEntry::clientSecret)
                .doesNotHaveDuplicates()
                .doesNotContainAnyElementsOf(shipped.clients().stream().map(ClientEntry::clientSecret).toList())
                .allSatisfy(secret -> assertThat(secret).matches("[A-Za-z0-9_-]{43}"));
        assertThat(added.users()).extracting(UserEntry::password)
                .allSatisfy(password -> assertThat(password).matches("[A-Za-z0-9_-]{24}"));
    }

    /** An agency coded LEAD would log in as "lead", the name CNIPA's lead already has: it must not replace it. */
    @Test
    void aNameAlreadyTakenIsLeftOutRatherThanReplaced() {
        Credentials added = development.issue(shipped, List.of(new MissingClient("LEAD", "reporter")));

        assertThat(added.clients()).extracting(ClientEntry::clientId).containsExactly("lead-reporter");
        assertThat(added.users()).isEmpty();
        assertThat(shipped.plus(added).users()).filteredOn(u -> u.username().equals("lead")).singleElement()
                .satisfies(u -> assertThat(u.agency()).isEqualTo("CNIPA"));
    }
}
