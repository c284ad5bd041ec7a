package cn.gov.planwatch.platform.idempotency;

import cn.gov.planwatch.planrules.BilingualText;
import cn.gov.planwatch.planrules.PlanRuleException;
import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.eventlog.EventClaim;
import cn.gov.planwatch.platform.eventlog.EventIds;
import cn.gov.planwatch.platform.input.InvalidInputException;
import cn.gov.planwatch.platform.problem.DatabaseOutage;
import cn.gov.planwatch.platform.problem.FailedAfterAppendException;
import cn.gov.planwatch.platform.problem.ProblemException;
import cn.gov.planwatch.platform.problem.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} header (IETF draft "The Idempotency-Key HTTP Header Field"): the same
 * client sending the same key with the same request gets the first answer again and records nothing
 * new; the same key with a different request is a 422; a retry while the first is still in flight is a
 * 409. A key belongs to its caller — the OAuth client and the subject acting through it (the person who logged in,
 * or the client itself): another caller's key of the same text neither replays this caller's answer nor blocks it.
 * The key is claimed in the database before the write, so two concurrent retries cannot both append an event. A key
 * is kept for the retention ({@link #forgetExpired()}), after which it may be used anew.
 *
 * <p>The claim also fixes the id of the event the write appends (the {@link EventClaim} it is given). When the first attempt's
 * outcome is unknown — the log did not confirm it (504), or the service died while answering (the claim is
 * left behind, and taken over once it is older than any request can last) — a resend under the same key runs
 * the write again with that same id: every read model applies an event id once, so the report is recorded
 * once whether or not the first attempt reached the log.
 *
 * <p>A write is answered on the request's thread once the log has acknowledged it (milliseconds normally, at most the
 * producer's delivery timeout while the broker is down). An asynchronous answer would free the thread for that wait,
 * but the servlet container then dispatches the request a second time through every filter, the security chain and
 * the handler mapping: more CPU per write than holding the thread for the wait saves.
 */
public class IdempotentWrites {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    /** What {@link #HEADER} means to a caller, in the API description of every write that takes it. */
    public static final String HEADER_DESCRIPTION = "Makes a retry safe: the same key with the same body returns the"
            + " first answer again and records nothing new; with another body it is refused (422). A key belongs to its"
            + " caller and is kept for 30 days (configurable). / 幂等键：同一键与同一请求体只记录一次";
    /** What {@link #REPLAYED_HEADER} means to a caller, in the API description of every write that answers it. */
    public static final String REPLAYED_DESCRIPTION = "true when this is the stored answer to an earlier request"
            + " with the same Idempotency-Key and body; nothing new was recorded / 重放先前的应答时为 true";

    private static final Logger log = LoggerFactory.getLogger(IdempotentWrites.class);

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    /** One caller's key: keys are looked up under their owner, never across callers. */
    private static final BilingualText IN_PROGRESS = BilingualText.of("Request in progress", "请求正在处理中");
    private static final String OWN_KEY = "client_id = ? and subject = ? and key = ?";

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final String table;
    private final Clock clock;
    private final Duration abandonedAfter;
    private final Duration retention;

    /**
     * @param abandonedAfter how long a claim may stay in flight before a resend may take it over: longer than
     *                       any request can last (its waits for a connection, a lock and the log's
     *                       acknowledgement), so that a live first attempt is never run a second time beside it
     * @param retention      how long a key is kept after it was last claimed; then it is forgotten and may be used anew
     */
    public IdempotentWrites(JdbcClient jdbc, JsonMapper json, String schema, Clock clock, Duration abandonedAfter,
            Duration retention) {
        this.jdbc = jdbc;
        this.json = json;
        this.table = schema + ".idempotency_record";
        this.clock = clock;
        this.abandonedAfter = abandonedAfter;
        this.retention = retention;
    }

    /**
     * Runs {@code write} once per (client, subject, key). {@code request} is what identifies the request besides
     * its path: the bound body, whose canonical JSON is fingerprinted. {@code write} appends one event, whose
     * id is the claim's (or a set of events, whose ids it derives from that one), and returns once the log has
     * acknowledged it; without a key it is given a fresh claim. {@code answer} turns what was acknowledged into the
     * answer. A refusal, by the rules or by the log, is thrown as it is (a problem the web layer answers with).
     */
    public <E, T> ResponseEntity<T> once(Caller caller, String key, String path,
            Object request, Class<T> answerType, Function<EventClaim, E> write,
            Function<? super E, ResponseEntity<T>> answer) {
        if (key == null) {
            return attempt(EventClaim.fresh(clock.instant()), write, answer);
        }
        if (!KEY.matcher(key).matches()) {
            throw Problems.invalidField(HEADER, BilingualText.of("must be 1–255 visible ASCII characters",
                    "须为 1–255 个可见 ASCII 字符"));
        }
        Owner owner = new Owner(caller.clientId() == null ? "-" : caller.clientId(),
                caller.subject() == null ? "-" : caller.subject());
        String fingerprint = fingerprint(path, request);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS); // what timestamptz keeps
        UUID eventId = EventIds.madeAt(now);
        int claimed = jdbc.sql("insert into " + table + " (client_id, subject, key, fingerprint, state, event_id,"
                        + " claimed_at) values (?, ?, ?, ?, 'PENDING', ?, ?) on conflict do nothing")
                .params(owner.client(), owner.subject(), key, fingerprint, eventId, Timestamp.from(now)).update();
        if (claimed == 1) {
            return run(owner, key, eventId, false, write, answer);
        }
        Stored stored = stored(owner, key);
        if (!stored.fingerprint().equals(fingerprint)) {
            throw Problems.unprocessable("idempotency-key-reused",
                    BilingualText.of("Idempotency-Key reused", "Idempotency-Key 已被使用"), BilingualText.of(
                            "This Idempotency-Key was already used with a different request; nothing was recorded.",
                            "该 Idempotency-Key 已用于另一项不同的请求，本次未记录任何内容。"));
        }
        if (stored.state().equals("DONE")) {
            return ResponseEntity.status(HttpStatus.valueOf(stored.status())).header(REPLAYED_HEADER, "true")
                    .body(json.readValue(stored.answer(), answerType));
        }
        Instant abandonedAt = stored.claimedAt().plus(abandonedAfter);
        if (stored.state().equals("PENDING") && now.isBefore(abandonedAt)) {
            throw inFlight(abandonedAt, now);
        }
        // UNCERTAIN, or a claim whose request died with its service: settle it with the same event id.
        return takeOver(owner, key, stored, now, write, answer);
    }

    /** Runs the write again with the first attempt's event id; one resend at a time wins the claim. */
    private <E, T> ResponseEntity<T> takeOver(Owner owner, String key,
            Stored stored, Instant now, Function<EventClaim, E> write,
            Function<? super E, ResponseEntity<T>> answer) {
        int taken = jdbc.sql("update " + table + " set state = 'PENDING', claimed_at = ? where " + OWN_KEY
                        + " and state = ? and claimed_at = ?")
                .params(Timestamp.from(now), owner.client(), owner.subject(), key, stored.state(),
                        Timestamp.from(stored.claimedAt())).update();
        if (taken == 0) {
            throw inFlight(now.plus(abandonedAfter), now);
        }
        return run(owner, key, stored.eventId(), true, write, answer);
    }

    private <E, T> ResponseEntity<T> run(Owner owner, String key, UUID eventId, boolean resend,
            Function<EventClaim, E> write, Function<? super E, ResponseEntity<T>> answer) {
        ResponseEntity<T> done;
        try {
            done = attempt(new EventClaim(eventId, resend), write, answer);
        } catch (RuntimeException failure) {
            settleFailure(owner, key, resend, failure);
            throw failure;
        }
        try {
            jdbc.sql("update " + table + " set state = 'DONE', status = ?, answer = ? where " + OWN_KEY)
                    .params(done.getStatusCode().value(), json.writeValueAsString(done.getBody()),
                            owner.client(), owner.subject(), key)
                    .update();
        } catch (RuntimeException e) {
            // The event is in the log: the answer stays 202. The claim, still PENDING with this event id, is
            // settled by a resend once abandoned — with the same id, so nothing is recorded twice.
            log.warn("could not keep the answer for Idempotency-Key {} of {}: {}", key, owner, e.toString());
        }
        return done;
    }

    /**
     * Runs the write and answers what it appended. The database failing once the write has handed its event to the
     * log is thrown as a {@link FailedAfterAppendException}: the event may be recorded, so the web layer must not
     * answer that outage "nothing was recorded" as it answers one before the append.
     */
    private static <E, T> ResponseEntity<T> attempt(EventClaim claim, Function<EventClaim, E> write,
            Function<? super E, ResponseEntity<T>> answer) {
        try {
            return answer.apply(write.apply(claim));
        } catch (RuntimeException failure) {
            if (claim.handedToLog() && DatabaseOutage.causedBy(failure)) {
                throw new FailedAfterAppendException(failure);
            }
            throw failure;
        }
    }

    /**
     * A refusal known to have recorded nothing (a 4xx or a 503: what the API promises of them) gives the key back, so that the
     * corrected request can use it. Anything else may have left the event in the log: the claim is kept, with
     * its event id, for a resend to settle.
     */
    private void settleFailure(Owner owner, String key, boolean resend, RuntimeException failure) {
        try {
            keepOrGiveBack(owner, key, resend, failure);
        } catch (RuntimeException e) {
            // The database is failing too: the claim stays PENDING with its event id, and is settled once abandoned.
            log.warn("could not settle Idempotency-Key {} of {}: {}", key, owner, e.toString());
        }
    }

    private void keepOrGiveBack(Owner owner, String key, boolean resend, RuntimeException failure) {
        boolean recordedNothing = failure instanceof InvalidInputException || failure instanceof PlanRuleException
                || failure instanceof ProblemException problem
                && (problem.status().is4xxClientError() || problem.status() == HttpStatus.SERVICE_UNAVAILABLE);
        if (recordedNothing && !resend) {
            // A resend's claim is never given back: its first attempt may be in the log under this event id.
            jdbc.sql("delete from " + table + " where " + OWN_KEY + " and state = 'PENDING'")
                    .params(owner.client(), owner.subject(), key).update();
        } else {
            jdbc.sql("update " + table + " set state = 'UNCERTAIN' where " + OWN_KEY + " and state = 'PENDING'")
                    .params(owner.client(), owner.subject(), key).update();
        }
    }

    private Stored stored(Owner owner, String key) {
        List<Stored> rows = jdbc.sql("select fingerprint, state, status, answer, event_id, claimed_at from " + table
                        + " where " + OWN_KEY).params(owner.client(), owner.subject(), key)
                .query((rs, n) -> new Stored(rs.getString("fingerprint"), rs.getString("state"), rs.getInt("status"),
                        rs.getString("answer"), rs.getObject("event_id", UUID.class),
                        rs.getTimestamp("claimed_at").toInstant()))
                .list();
        if (rows.isEmpty()) {
            // Given back between our insert and this read: the first attempt was refused and recorded nothing.
            throw Problems.conflict("idempotency-key-in-flight", IN_PROGRESS, BilingualText.of(
                    "A request with this Idempotency-Key just failed; send it again.",
                    "使用该 Idempotency-Key 的请求刚刚失败，请重新发送。"));
        }
        return rows.get(0);
    }

    /** A 409 whose Retry-After is a few seconds, or less if the claim can be taken over sooner. */
    private static ProblemException inFlight(Instant abandonedAt, Instant now) {
        long seconds = Math.max(1, Duration.between(now, abandonedAt).toSeconds());
        return new ProblemException(HttpStatus.CONFLICT, Problems.TYPE_PREFIX + "idempotency-key-in-flight",
                IN_PROGRESS, BilingualText.of("A request with this Idempotency-Key is still being processed; retry"
                        + " shortly.", "使用该 Idempotency-Key 的请求仍在处理中，请稍后重试。"),
                List.of(), Math.min(seconds, 5));
    }

    /**
     * Forgets the keys last claimed longer ago than the retention: each may then be used anew, and its first answer is
     * no longer replayed. A key whose outcome was left unknown is forgotten too — by then no client still resends it.
     *
     * @return how many keys were forgotten
     */
    @Scheduled(fixedDelayString = "${planwatch.idempotency.purge-interval:PT1H}")
    public int forgetExpired() {
        if (!jdbc.sql("select to_regclass(?) is not null").params(table).query(Boolean.class).single()) {
            return 0; // a service that takes no keyed writes keeps no table
        }
        Instant cutoff = clock.instant().minus(retention);
        int forgotten = jdbc.sql("delete from " + table + " where claimed_at < ?").params(Timestamp.from(cutoff))
                .update();
        if (forgotten > 0) {
            log.info("forgot {} Idempotency-Key records last claimed before {}", forgotten, cutoff);
        }
        return forgotten;
    }

    private String fingerprint(String path, Object request) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(path.getBytes(StandardCharsets.UTF_8));
            sha256.update((byte) 0);
            sha256.update(json.writeValueAsBytes(request));
            return HexFormat.of().formatHex(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whose key it is: the client and the subject acting through it. */
    private record Owner(String client, String subject) {

        @Override
        public String toString() {
            return client + "/" + subject;
        }
    }

    private record Stored(String fingerprint, String state, int status, String answer, UUID eventId,
            Instant claimedAt) {
    }
}
