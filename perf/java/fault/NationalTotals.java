import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * "National totals equal the sum of their parts": GET /api/v1/national-view (through the gateway, as the lead
 * agency) against the read-model rows each figure summarises, and against the same view from a replay instance.
 *
 * <ul>
 *   <li>each indicator's series = its current facts in reporting.indicator_fact (period, value, revision, event id);
 *       its latest = the last point of its series; its eventIds = the series' event ids;</li>
 *   <li>the current values of the two read models agree: reporting.indicator_fact and indicator.observation;</li>
 *   <li>freshness: events applied = the rows of the three fact tables; newest event = the newest recorded_at;</li>
 *   <li>compliance: the overall counts (owed, reported, submitted, on time) = the sum over agencies = the sum over
 *       quarters; every rate = its counts' ratio; each quarter's states add up to its cells; each cell's state agrees
 *       with reporting.quarterly_update_state;</li>
 *   <li>programmes: the status and percentage shown = the lead agency's latest current report (or NOT_REPORTED);</li>
 *   <li>with REPLAY_URL: the replay instance's view equals the live one, but for the instant it was asked at and the
 *       freshness of the projection (asOf, lastAppliedAt, trailingSeconds).</li>
 * </ul>
 * Prints what was compared, a PERF_RESULT line; exits 1 on a mismatch.
 *
 * <p>Usage: NationalTotals GATEWAY LEAD_TOKEN JDBC_URL [REPLAY_SERVICE_URL]
 */
public class NationalTotals {

    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    static final List<String> mismatches = new ArrayList<>();
    static final List<String> compared = new ArrayList<>();
    /** Each period's current fact: the fact its pointer names. */
    static final String CURRENT_FACTS = "reporting.indicator_fact join reporting.current_indicator_fact"
            + " using (plan, indicator, period, event_id)";

    public static void main(String[] args) throws Exception {
        String token = args[1];
        JsonNode view = get(args[0] + "/api/v1/national-view", token);
        try (Connection db = asSuperuser(args[2])) {
            indicators(view, db);
            freshness(view, db);
            compliance(view, db);
            programmes(view, db);
        }
        if (args.length > 3) {
            JsonNode replay = get(args[3] + "/api/v1/national-view", token);
            ObjectNode a = view.deepCopy();
            ObjectNode b = replay.deepCopy();
            for (ObjectNode v : List.of(a, b)) {
                v.remove("asOf");
                ((ObjectNode) v.get("freshness")).remove(List.of("lastAppliedAt", "trailingSeconds"));
            }
            check(a.equals(b), "the replay's national view equals the live one (all but asOf, lastAppliedAt,"
                    + " trailingSeconds)", "live " + abbreviate(a) + " vs replay " + abbreviate(b));
        }
        compared.forEach(c -> System.out.println("  " + c));
        mismatches.forEach(m -> System.out.println("  MISMATCH " + m));
        System.out.println("PERF_RESULT totals_equal=" + (mismatches.isEmpty() ? "yes" : "no") + " checks="
                + compared.size() + " mismatches=" + mismatches.size());
        if (!mismatches.isEmpty()) {
            System.exit(1);
        }
    }

    static void indicators(JsonNode view, Connection db) throws Exception {
        Map<String, Set<String>> facts = new HashMap<>();
        for (Map<String, String> row : query(db, "select indicator, period, value, indicator_fact.revision,"
                + " event_id::text as id from " + CURRENT_FACTS)) {
            facts.computeIfAbsent(row.get("indicator"), k -> new TreeSet<>()).add(point(row.get("period"),
                    row.get("value"), row.get("revision"), row.get("id")));
        }
        int points = 0;
        for (JsonNode line : view.get("indicators")) {
            String code = line.get("code").asText();
            Set<String> series = new TreeSet<>();
            List<String> ids = new ArrayList<>();
            String previousPeriod = "";
            boolean ordered = true;
            for (JsonNode p : line.get("series")) {
                series.add(point(p.get("period").asText(), p.get("value").asText(), p.get("revision").asText(),
                        p.get("eventId").asText()));
                ids.add(p.get("eventId").asText());
                ordered &= p.get("period").asText().compareTo(previousPeriod) > 0;
                previousPeriod = p.get("period").asText();
            }
            points += series.size();
            check(series.equals(facts.getOrDefault(code, Set.of())), code + " series = its current facts",
                    "view " + series + " vs read model " + facts.get(code));
            check(ordered, code + " series oldest first", line.get("series").toString());
            List<String> eventIds = new ArrayList<>();
            line.get("eventIds").forEach(id -> eventIds.add(id.asText()));
            check(eventIds.equals(ids), code + " eventIds = its series' events", eventIds + " vs " + ids);
            JsonNode latest = line.get("latest");
            JsonNode last = line.get("series").size() == 0 ? null : line.get("series").get(line.get("series").size() - 1);
            if (last == null) {
                check(latest == null || latest.isNull(), code + " no latest without a series", String.valueOf(latest));
            } else {
                check(latest != null && latest.get("eventId").asText().equals(last.get("eventId").asText())
                                && decimal(latest.get("value").asText()).equals(decimal(last.get("value").asText()))
                                && latest.get("revision").asInt() == last.get("revision").asInt(),
                        code + " latest = the last point of its series", latest + " vs " + last);
            }
        }
        compared.add("indicators: " + view.get("indicators").size() + " lines, " + points
                + " series points = the current rows of reporting.indicator_fact; latest = last point; eventIds");
        Set<String> reporting = new TreeSet<>();
        for (Map<String, String> row : query(db, "select indicator, period, value, event_id::text as id from "
                + CURRENT_FACTS)) {
            reporting.add(row.get("indicator") + "/" + row.get("period") + "=" + decimal(row.get("value")) + "@"
                    + row.get("id"));
        }
        Set<String> indicator = new TreeSet<>();
        for (Map<String, String> row : query(db, "select indicator, period, value, event_id::text as id"
                + " from indicator.observation join indicator.current_observation using (plan, indicator, period, event_id)")) {
            indicator.add(row.get("indicator") + "/" + row.get("period") + "=" + decimal(row.get("value")) + "@"
                    + row.get("id"));
        }
        check(reporting.equals(indicator), "current values: reporting.indicator_fact = indicator.observation",
                difference(reporting, indicator));
        compared.add("current value of each indicator and period: reporting.indicator_fact = indicator.observation ("
                + reporting.size() + " of each)");
    }

    static void freshness(JsonNode view, Connection db) throws Exception {
        Map<String, String> row = query(db, """
                select (select count(*) from reporting.indicator_fact) + (select count(*) from reporting.progress_fact)
                     + (select count(*) from reporting.quarterly_update_fact) as applied
                """).get(0);
        JsonNode f = view.get("freshness");
        check(f.get("eventsApplied").asLong() == Long.parseLong(row.get("applied")),
                "freshness.eventsApplied = rows of the three fact tables",
                f.get("eventsApplied") + " vs " + row.get("applied"));
        compared.add("freshness: eventsApplied " + f.get("eventsApplied") + " = fact rows " + row.get("applied"));
        Map<String, String> epoch = query(db, """
                select extract(epoch from greatest((select max(recorded_at) from reporting.indicator_fact),
                                (select max(recorded_at) from reporting.progress_fact),
                                (select max(recorded_at) from reporting.quarterly_update_fact))) as newest
                """).get(0);
        Instant viewNewest = f.get("newestEventAt").isNull() ? null : Instant.parse(f.get("newestEventAt").asText());
        Instant dbNewest = epoch.get("newest") == null ? null
                : Instant.ofEpochMilli(new BigDecimal(epoch.get("newest")).movePointRight(3).longValue());
        check(Objects.equals(viewNewest == null ? null : viewNewest.toEpochMilli(),
                        dbNewest == null ? null : dbNewest.toEpochMilli()),
                "freshness.newestEventAt = the newest recorded_at", viewNewest + " vs " + dbNewest);
        compared.add("freshness: newestEventAt " + viewNewest + " = newest recorded fact " + dbNewest);
    }

    static void compliance(JsonNode view, Connection db) throws Exception {
        JsonNode c = view.get("compliance");
        Instant asOf = Instant.parse(view.get("asOf").asText());
        long[] byAgency = new long[4];
        long[] byQuarter = new long[4];
        Map<String, Integer> cellsPerQuarter = new HashMap<>();
        Map<String, String> stages = new HashMap<>();
        for (Map<String, String> row : query(db, "select agency, quarter, stage from reporting.quarterly_update_state")) {
            stages.put(row.get("agency") + "/" + row.get("quarter"), row.get("stage"));
        }
        int cells = 0;
        for (JsonNode agency : c.get("agencies")) {
            long owed = 0, reported = 0, submitted = 0, onTime = 0;
            for (JsonNode cell : agency.get("quarters")) {
                cells++;
                cellsPerQuarter.merge(cell.get("quarter").asText(), 1, Integer::sum);
                String state = cell.get("state").asText();
                String stage = stages.getOrDefault(agency.get("agency").asText() + "/" + cell.get("quarter").asText(),
                        "OPEN");
                boolean agrees = switch (stage) {
                    case "OPEN" -> Set.of("NOT_DUE", "DUE", "OVERDUE").contains(state);
                    case "SUBMITTED" -> Set.of("SUBMITTED_ON_TIME", "SUBMITTED_LATE").contains(state);
                    default -> state.equals(stage);
                };
                check(agrees, "compliance cell " + agency.get("agency").asText() + "/" + cell.get("quarter").asText()
                        + " agrees with quarterly_update_state", state + " vs stage " + stage);
                if (!asOf.isBefore(Instant.parse(cell.get("deadline").asText()))) {
                    owed++;
                    reported += Set.of("SUBMITTED_ON_TIME", "SUBMITTED_LATE", "ACCEPTED").contains(state) ? 1 : 0;
                    submitted += cell.get("onTime").isNull() ? 0 : 1;
                    onTime += cell.get("onTime").asBoolean(false) ? 1 : 0;
                }
            }
            JsonNode rates = agency.get("rates");
            checkRates(rates, new long[] {owed, reported, submitted, onTime}, "agency " + agency.get("agency").asText());
            add(byAgency, rates);
        }
        for (JsonNode quarter : c.get("byQuarter")) {
            long sum = 0;
            for (JsonNode n : quarter.get("states")) {
                sum += n.asLong();
            }
            check(sum == cellsPerQuarter.getOrDefault(quarter.get("quarter").asText(), 0),
                    "quarter " + quarter.get("quarter").asText() + " states add up to its cells",
                    sum + " vs " + cellsPerQuarter.get(quarter.get("quarter").asText()));
            checkRates(quarter.get("rates"), null, "quarter " + quarter.get("quarter").asText());
            add(byQuarter, quarter.get("rates"));
        }
        JsonNode overall = c.get("overall");
        checkRates(overall, byAgency, "overall = sum over agencies");
        checkRates(overall, byQuarter, "overall = sum over quarters");
        compared.add("compliance: " + c.get("agencies").size() + " agencies × quarters = " + cells + " cells, each"
                + " agreeing with reporting.quarterly_update_state; owed/reported/submitted/onTime overall "
                + overall.get("owed") + "/" + overall.get("reported") + "/" + overall.get("submitted") + "/"
                + overall.get("onTime") + " = sum over agencies = sum over " + c.get("byQuarter").size()
                + " quarters; every rate = its ratio");
    }

    static void add(long[] sums, JsonNode rates) {
        sums[0] += rates.get("owed").asLong();
        sums[1] += rates.get("reported").asLong();
        sums[2] += rates.get("submitted").asLong();
        sums[3] += rates.get("onTime").asLong();
    }

    /** The counts (when given) and both ratios, 4 decimals half up, null on a zero denominator. */
    static void checkRates(JsonNode rates, long[] expected, String what) {
        long owed = rates.get("owed").asLong(), reported = rates.get("reported").asLong();
        long submitted = rates.get("submitted").asLong(), onTime = rates.get("onTime").asLong();
        if (expected != null) {
            check(owed == expected[0] && reported == expected[1] && submitted == expected[2] && onTime == expected[3],
                    what + ": counts", List.of(owed, reported, submitted, onTime) + " vs "
                            + List.of(expected[0], expected[1], expected[2], expected[3]));
        }
        check(ratioAgrees(rates.get("reportingRate"), reported, owed), what + ": reportingRate", rates.toString());
        check(ratioAgrees(rates.get("onTimeRate"), onTime, submitted), what + ": onTimeRate", rates.toString());
    }

    static boolean ratioAgrees(JsonNode rate, long part, long whole) {
        if (whole == 0) {
            return rate == null || rate.isNull();
        }
        return rate != null && !rate.isNull() && new BigDecimal(rate.asText()).compareTo(
                BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP)) == 0;
    }

    static void programmes(JsonNode view, Connection db) throws Exception {
        // The lead agency's latest current report: its latest quarter (quarters sort as text: YYYY-Qn).
        Map<String, Map<String, String>> leadLatest = new HashMap<>();
        for (JsonNode line : view.get("programmes")) {
            List<Map<String, String>> rows = query(db, "select status, percent_complete, quarter, event_id::text as id"
                    + " from reporting.progress_fact join reporting.current_progress_fact using (plan, programme,"
                    + " agency, quarter, event_id) where programme = '" + line.get("slug").asText()
                    + "' and agency = '" + line.get("leadAgency").asText() + "' order by quarter desc, seq desc"
                    + " limit 1");
            leadLatest.put(line.get("slug").asText(), rows.isEmpty() ? null : rows.get(0));
        }
        int reported = 0;
        for (JsonNode line : view.get("programmes")) {
            Map<String, String> lead = leadLatest.get(line.get("slug").asText());
            if (lead == null) {
                check(line.get("status").asText().equals("NOT_REPORTED"), line.get("slug").asText()
                        + " NOT_REPORTED without a lead report", line.get("status").asText());
            } else {
                reported++;
                check(line.get("status").asText().equals(lead.get("status"))
                                && line.get("percentComplete").asText().equals(lead.get("percent_complete"))
                                && line.get("quarter").asText().equals(lead.get("quarter")),
                        line.get("slug").asText() + " = its lead agency's latest report", line + " vs " + lead);
            }
        }
        compared.add("programmes: " + view.get("programmes").size() + " lines, status/percentComplete/quarter = the"
                + " lead agency's latest current row of reporting.progress_fact (" + reported + " reported)");
    }

    static void check(boolean ok, String what, String detail) {
        if (!ok) {
            mismatches.add(what + ": " + abbreviate(detail));
        }
    }

    static String point(String period, String value, String revision, String id) {
        return period + "=" + decimal(value) + "#" + revision + "@" + id;
    }

    static String decimal(String value) {
        return new BigDecimal(value).stripTrailingZeros().toPlainString();
    }

    static String difference(Set<String> a, Set<String> b) {
        Set<String> onlyA = new TreeSet<>(a);
        onlyA.removeAll(b);
        Set<String> onlyB = new TreeSet<>(b);
        onlyB.removeAll(a);
        return "only in the first " + onlyA + ", only in the second " + onlyB;
    }

    static String abbreviate(Object o) {
        String s = String.valueOf(o);
        return s.length() > 600 ? s.substring(0, 600) + "…" : s;
    }

    static JsonNode get(String url, String token) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("GET " + url + ": " + answer.statusCode() + " " + answer.body());
        }
        return JSON.readTree(answer.body());
    }

    static List<Map<String, String>> query(Connection db, String sql) throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            var meta = rs.getMetaData();
            while (rs.next()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    /** As the embedded PostgreSQL's superuser, for inspection only (the services log in as their own roles). */
    static Connection asSuperuser(String jdbcUrl) throws java.sql.SQLException {
        return DriverManager.getConnection(jdbcUrl, "postgres",
                System.getenv().getOrDefault("PLANWATCH_PG_SUPERUSER_PASSWORD", ""));
    }
}
