package cn.gov.planwatch.gateway.login;

import org.junit.jupiter.api.Test;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.WebSession;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class BoundedWebSessionStoreTest {

    private final SteppingClock clock = new SteppingClock();
    private final BoundedWebSessionStore store = new BoundedWebSessionStore(3, Duration.ofMinutes(30), clock);

    @Test
    void aFullStoreDropsTheOldestSessionNobodyLoggedInToAndKeepsTheLoggedInOnes() {
        String person = stored(true);
        String firstStranger = stored(false);
        String secondStranger = stored(false);

        String thirdStranger = stored(false);

        assertThat(store.size()).isEqualTo(3);
        assertThat(present(firstStranger)).isFalse();
        assertThat(present(person)).isTrue();
        assertThat(present(secondStranger)).isTrue();
        assertThat(present(thirdStranger)).isTrue();
    }

    @Test
    void onlyWhenEveryoneIsLoggedInDoesTheLongestIdleGo() {
        String first = stored(true);
        String second = stored(true);
        String third = stored(true);
        clock.step();
        assertThat(present(first)).as("reading a session counts as using it").isTrue();

        String fourth = stored(true);

        assertThat(store.size()).isEqualTo(3);
        assertThat(present(second)).isFalse();
        assertThat(present(first)).isTrue();
        assertThat(present(third)).isTrue();
        assertThat(present(fourth)).isTrue();
    }

    @Test
    void savingASessionAgainTakesNoOtherSessionsPlace() {
        String first = stored(false);
        stored(false);
        WebSession third = store.createWebSession().block();
        third.getAttributes().put("k", "v");
        third.save().block();

        third.save().block();

        assertThat(store.size()).isEqualTo(3);
        assertThat(present(first)).isTrue();
    }

    private String stored(boolean loggedIn) {
        clock.step();
        WebSession session = store.createWebSession().block();
        session.getAttributes().put(loggedIn
                ? WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME
                : "SPRING_SECURITY_SAVED_REQUEST", "x");
        session.save().block();
        return session.getId();
    }

    private boolean present(String id) {
        return store.retrieveSession(id).blockOptional().isPresent();
    }

    /** A clock that moves on only when told, a second at a time. */
    private static final class SteppingClock extends Clock {

        private Instant now = Instant.parse("2026-01-05T09:00:00Z");

        void step() {
            now = now.plusSeconds(1);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
