package cn.gov.planwatch.gateway.login;

import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionStore;
import reactor.core.publisher.Mono;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * The gateway's sessions, in memory and never more than {@code maxSessions}. A full store makes room for a new
 * session instead of refusing it (Spring's own store would answer every new login with an error once full): it
 * drops the oldest session nobody has logged in to, and only when there is none, the logged-in session idle the
 * longest. Whoever floods the gateway with login starts from many addresses thus pushes out their own half-done
 * logins, not the people working in the dashboard.
 */
public class BoundedWebSessionStore implements WebSessionStore {

    /** Sessions nobody logged in to first, the oldest first; then logged-in ones, the longest idle first. */
    private static final Comparator<WebSession> EVICTION_ORDER = Comparator
            .comparing(BoundedWebSessionStore::loggedIn)
            .thenComparing(session -> loggedIn(session) ? session.getLastAccessTime() : session.getCreationTime());

    private final InMemoryWebSessionStore sessions = new InMemoryWebSessionStore();
    private final int maxSessions;
    /** Held while a new session is stored, so that making room and taking it cannot interleave with another. */
    private final Object room = new Object();

    public BoundedWebSessionStore(int maxSessions, Duration maxIdleTime, Clock clock) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("server.reactive.session.max-sessions must be at least 1");
        }
        this.maxSessions = maxSessions;
        sessions.setMaxSessions(maxSessions);
        sessions.setDefaultMaxIdleTime(maxIdleTime);
        sessions.setClock(clock);
    }

    @Override
    public Mono<WebSession> createWebSession() {
        return sessions.createWebSession().map(NewSession::new);
    }

    @Override
    public Mono<WebSession> retrieveSession(String sessionId) {
        return sessions.retrieveSession(sessionId);
    }

    @Override
    public Mono<Void> removeSession(String sessionId) {
        return sessions.removeSession(sessionId);
    }

    @Override
    public Mono<WebSession> updateLastAccessTime(WebSession session) {
        return sessions.updateLastAccessTime(session instanceof NewSession created ? created.session : session);
    }

    /** Sessions stored now. */
    public int size() {
        return sessions.getSessions().size();
    }

    public int maxSessions() {
        return maxSessions;
    }

    private void makeRoomFor(WebSession session) {
        Map<String, WebSession> stored = sessions.getSessions();
        if (stored.size() < maxSessions || stored.containsKey(session.getId())) {
            return;
        }
        sessions.removeExpiredSessions();
        while (stored.size() >= maxSessions && evictOne(stored)) {
            // one at a time: each eviction changes which session is next
        }
    }

    private boolean evictOne(Map<String, WebSession> stored) {
        Optional<WebSession> oldest = stored.values().stream().min(EVICTION_ORDER);
        // the in-memory store removes while removeSession is called
        oldest.ifPresent(session -> sessions.removeSession(session.getId()));
        return oldest.isPresent();
    }

    private static boolean loggedIn(WebSession session) {
        return session.getAttribute(
                WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME) != null;
    }

    /** A session not stored yet: storing it first makes room. */
    private final class NewSession implements WebSession {

        private final WebSession session;

        NewSession(WebSession session) {
            this.session = session;
        }

        @Override
        public Mono<Void> save() {
            return Mono.defer(() -> {
                synchronized (room) {
                    makeRoomFor(session);
                    // The in-memory session stores itself while save() is called; the Mono only signals completion.
                    return session.save();
                }
            });
        }

        @Override
        public String getId() {
            return session.getId();
        }

        @Override
        public Map<String, Object> getAttributes() {
            return session.getAttributes();
        }

        @Override
        public void start() {
            session.start();
        }

        @Override
        public boolean isStarted() {
            return session.isStarted();
        }

        @Override
        public Mono<Void> changeSessionId() {
            return session.changeSessionId();
        }

        @Override
        public Mono<Void> invalidate() {
            return session.invalidate();
        }

        @Override
        public boolean isExpired() {
            return session.isExpired();
        }

        @Override
        public Instant getCreationTime() {
            return session.getCreationTime();
        }

        @Override
        public Instant getLastAccessTime() {
            return session.getLastAccessTime();
        }

        @Override
        public void setMaxIdleTime(Duration maxIdleTime) {
            session.setMaxIdleTime(maxIdleTime);
        }

        @Override
        public Duration getMaxIdleTime() {
            return session.getMaxIdleTime();
        }
    }
}
