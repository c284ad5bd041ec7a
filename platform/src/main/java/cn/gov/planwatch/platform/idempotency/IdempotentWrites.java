package cn.gov.planwatch.platform.idempotency;

import cn.gov.planwatch.platform.caller.Caller;
import cn.gov.planwatch.platform.problem.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} header (IETF draft "The Idempotency-Key HTTP Header Field"): the same
 * client sending the same key with the same request gets the first answer again and records nothing
 * new; the same key with a different request is a 422; a retry while the first is still in flight is a
 * 409. Keys are scoped to the OAuth client. The key is claimed in the database before the write, so two
 * concurrent retries cannot both append an event.
 */
public class IdempotentWrites {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final String table;

    public IdempotentWrites(JdbcClient jdbc, JsonMapper json, String schema) {
        this.jdbc = jdbc;
        this.json = json;
        this.table = schema + ".idempotency_record";
    }

    /**
     * Runs {@code write} once per (client, key). {@code request} is what identifies the request besides
     * its path: the bound body, whose canonical JSON is fingerprinted.
     */
    public <T> CompletableFuture<ResponseEntity<T>> once(Caller caller, String key, String path, Object request,
            Class<T> answerType, Supplier<CompletableFuture<ResponseEntity<T>>> write) {
        if (key == null) {
            return write.get();
        }
        if (!KEY.matcher(key).matches()) {
            throw Problems.invalidField(HEADER, "must be 1–255 visible ASCII characters");
        }
        String client = caller.clientId() == null ? "-" : caller.clientId();
        String fingerprint = fingerprint(path, request);
        int claimed = jdbc.sql("insert into " + table + " (client_id, key, fingerprint, state) values (?, ?, ?, "
                + "'PENDING') on conflict do nothing").params(client, key, fingerprint).update();
        if (claimed == 0) {
            return CompletableFuture.completedFuture(earlierAnswer(client, key, fingerprint, answerType));
        }
        CompletableFuture<ResponseEntity<T>> written;
        try {
            written = write.get();
        } catch (RuntimeException refused) {
            release(client, key);
            throw refused;
        }
        return written.whenComplete((answer, failure) -> {
            if (failure != null) {
                release(client, key);
            } else {
                jdbc.sql("update " + table + " set state = 'DONE', status = ?, answer = ? where client_id = ? and key = ?")
                        .params(answer.getStatusCode().value(), json.writeValueAsString(answer.getBody()), client, key)
                        .update();
            }
        });
    }

    private <T> ResponseEntity<T> earlierAnswer(String client, String key, String fingerprint, Class<T> answerType) {
        List<Stored> rows = jdbc.sql("select fingerprint, state, status, answer from " + table
                        + " where client_id = ? and key = ?").params(client, key)
                .query((rs, n) -> new Stored(rs.getString("fingerprint"), rs.getString("state"), rs.getInt("status"),
                        rs.getString("answer")))
                .list();
        if (rows.isEmpty()) {
            // Released between our insert and this read: the first attempt failed and recorded nothing.
            throw Problems.conflict("idempotency-key-in-flight", "Request in progress",
                    "A request with this Idempotency-Key just failed; send it again.");
        }
        Stored stored = rows.get(0);
        if (!stored.fingerprint().equals(fingerprint)) {
            throw Problems.unprocessable("idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used with a different request; nothing was recorded.");
        }
        if (stored.state().equals("PENDING")) {
            throw Problems.conflict("idempotency-key-in-flight", "Request in progress",
                    "A request with this Idempotency-Key is still being processed; retry shortly.");
        }
        return ResponseEntity.status(HttpStatus.valueOf(stored.status())).header(REPLAYED_HEADER, "true")
                .body(json.readValue(stored.answer(), answerType));
    }

    private void release(String client, String key) {
        jdbc.sql("delete from " + table + " where client_id = ? and key = ? and state = 'PENDING'")
                .params(client, key).update();
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

    private record Stored(String fingerprint, String state, int status, String answer) {
    }
}
