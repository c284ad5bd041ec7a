package cn.gov.planwatch.programme;

import cn.gov.planwatch.contracts.Topics;
import cn.gov.planwatch.testsupport.HostileInput;
import cn.gov.planwatch.testsupport.HostileInput.Call;
import cn.gov.planwatch.testsupport.ServiceFixture;
import cn.gov.planwatch.testsupport.TestTokens;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

import java.util.List;
import java.util.Random;

import static cn.gov.planwatch.testsupport.HostileInput.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Generated bad input to every parameter of every endpoint of the service, one field at a time in an otherwise good
 * request: each must be refused with a 4xx problem — never a 5xx, never a 503 that invites a retry — and nothing may
 * reach the log or a read model. Rerun a failing draw with {@code -Dfuzz.seed=<seed printed>}.
 */
class HostileInputFuzzIT extends ServiceFixture {

    private static final int TRIES_PER_PARAMETER = 12;
    private static final String PROGRESS = "/api/v1/programmes/geographical-indications/progress";
    private static final String REPORTER = TestTokens.shared().reporter("SAMR");
    private static final String LEAD = TestTokens.shared().lead();

    @Value("${spring.kafka.consumer.group-id}")
    String groupId;

    @Test
    void everyParameterRefusesGeneratedBadInputWithAProblemAndRecordsNothing() {
        Random random = new Random(HostileInput.seed(getClass().getSimpleName()));
        Arbitrary<String> badNumbers = Arbitraries.oneOf(HostileInput.absurdNumbers(), HostileInput.absurdNumbers(),
                HostileInput.nonNumbers());
        Arbitrary<String> badQuarters = Arbitraries.oneOf(HostileInput.badPeriods(2021, 2025),
                Arbitraries.integers().between(2021, 2025).map(String::valueOf));
        Arbitrary<String> notAStatus = Arbitraries.strings().alpha().ofMaxLength(40).map(text -> json("x" + text));
        Arbitrary<String> segments = HostileInput.hostilePathSegments();
        List<Call> calls = HostileInput.drawEach(TRIES_PER_PARAMETER, random,
                badQuarters.map(quarter -> progress("\"quarter\":" + json(quarter), GOOD_MILESTONES)),
                notAStatus.map(status -> progress("\"status\":" + status, GOOD_MILESTONES)),
                Arbitraries.oneOf(badNumbers, Arbitraries.integers().between(101, Integer.MAX_VALUE).map(String::valueOf),
                        Arbitraries.integers().between(Integer.MIN_VALUE, -1).map(String::valueOf),
                        Arbitraries.of("60.5", "0.1", "99.99", "1E+3"))
                        .map(percent -> progress("\"percentComplete\":" + percent, GOOD_MILESTONES)),
                Arbitraries.oneOf(badNumbers, Arbitraries.of("-1", "-0.5", "-1E+3"))
                        .map(value -> progress("", "[{\"code\":\"gi-demo-zones\",\"value\":" + value + "}]")),
                notAStatus.map(code -> progress("", "[{\"code\":" + code + ",\"value\":37}]")),
                HostileInput.unprintableText().map(text -> progress("\"summary\":" + text, GOOD_MILESTONES)),
                HostileInput.unprintableText().map(text -> progress("\"risks\":" + text, GOOD_MILESTONES)),
                segments.map(slug -> Call.postJson(REPORTER, "/api/v1/programmes/" + slug + "/progress",
                        GOOD_PROGRESS)),
                badQuarters.map(quarter -> Call.postJson(REPORTER, "/api/v1/quarterly-updates",
                        "{\"quarter\":" + json(quarter) + "}")),
                segments.map(agency -> Call.postJson(LEAD, "/api/v1/quarterly-updates/" + agency + "/2025-Q3/accept",
                        "")),
                badQuarters.map(quarter -> Call.postJson(LEAD, "/api/v1/quarterly-updates/SAMR/"
                        + HostileInput.query(quarter) + "/accept", "")),
                Arbitraries.oneOf(HostileInput.unprintableText(), Arbitraries.of("\"\"", "\" \"", "null",
                                json("长".repeat(2001))))
                        .map(reason -> Call.postJson(LEAD, "/api/v1/quarterly-updates/SAMR/2025-Q3/return",
                                "{\"reason\":" + reason + "}")),
                notAStatus.map(item -> Call.postJson(LEAD, "/api/v1/quarterly-updates/SAMR/2025-Q3/return",
                        "{\"reason\":\"请补充\",\"items\":[" + item + "]}")),
                segments.map(slug -> Call.get(REPORTER, "/api/v1/programmes/" + slug)),
                segments.map(slug -> Call.get(REPORTER, "/api/v1/programmes/" + slug + "/progress")),
                segments.map(code -> Call.get(REPORTER, "/api/v1/agencies/" + code)),
                segments.map(agency -> Call.get(LEAD, "/api/v1/quarterly-updates/" + agency)));

        assertThat(calls).as("calls drawn").hasSize(17 * TRIES_PER_PARAMETER);
        HostileInput.assertRefusedRecordingNothing("http://localhost:" + port, calls, groupId,
                List.of(Topics.PROGRAMME_EVENTS, Topics.QUARTERLY_UPDATE_EVENTS), Topics.withDeadLetterTopics(),
                this::rows);
    }

    private static final String GOOD_MILESTONES = "[{\"code\":\"gi-demo-zones\",\"value\":37}]";
    private static final String GOOD_PROGRESS = "{\"quarter\":\"2025-Q3\",\"status\":\"ON_TRACK\",\"percentComplete\":60,"
            + "\"milestones\":" + GOOD_MILESTONES + "}";

    /** A good report with {@code field} (one {@code "name":value} pair) put in place of its own. */
    private static Call progress(String field, String milestones) {
        StringBuilder body = new StringBuilder("{");
        for (String good : List.of("\"quarter\":\"2025-Q3\"", "\"status\":\"ON_TRACK\"", "\"percentComplete\":60")) {
            String name = good.substring(0, good.indexOf(':'));
            body.append(field.startsWith(name + ":") ? field : good).append(',');
        }
        if (field.startsWith("\"summary\":") || field.startsWith("\"risks\":")) {
            body.append(field).append(',');
        }
        return Call.postJson(REPORTER, PROGRESS, body.append("\"milestones\":").append(milestones).append('}')
                .toString());
    }

    private long rows() {
        return jdbc.sql("select (select count(*) from programme.progress_report)"
                + " + (select count(*) from programme.quarterly_update)"
                + " + (select count(*) from programme.quarterly_update_event)").query(Long.class).single();
    }
}
