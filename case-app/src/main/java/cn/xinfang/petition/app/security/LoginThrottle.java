package cn.xinfang.petition.app.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Limits password guessing per user name (issue 17): after {@code cases.security.login.max-failures}
 * (5) failed sign-ins of one user within {@code window} (15 minutes), further attempts for that user
 * are refused (429) for a delay that doubles with every further failure after a delay ran out
 * (1, 2, 4, … minutes, at most {@code max-delay}). A successful sign-in forgets the failures. Failures
 * are logged with the user name and the count, never the password. Counted per node, in memory.
 */
@Component
public class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);
    private static final int MAX_TRACKED = 10_000;

    private final int maxFailures;
    private final Duration window;
    private final Duration firstDelay;
    private final Duration maxDelay;
    private volatile Clock clock = Clock.systemUTC();
    private final Map<String, State> users = new ConcurrentHashMap<>();

    private static final class State {
        final Deque<Instant> failures = new ArrayDeque<>();
        Instant lockedUntil;
    }

    public LoginThrottle(@Value("${cases.security.login.max-failures:5}") int maxFailures,
                         @Value("${cases.security.login.window:PT15M}") Duration window,
                         @Value("${cases.security.login.first-delay:PT1M}") Duration firstDelay,
                         @Value("${cases.security.login.max-delay:PT1H}") Duration maxDelay) {
        this.maxFailures = maxFailures;
        this.window = window;
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay;
    }

    /** For tests: the clock the window and the delays are counted on. */
    void useClock(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code username} must still wait, if it is locked now. */
    public Optional<Duration> lockedFor(String username) {
        if (username == null) {
            return Optional.empty();
        }
        State s = users.get(username);
        if (s == null) {
            return Optional.empty();
        }
        synchronized (s) {
            Instant now = clock.instant();
            if (s.lockedUntil != null && now.isBefore(s.lockedUntil)) {
                return Optional.of(Duration.between(now, s.lockedUntil));
            }
            return Optional.empty();
        }
    }

    /** Records a failed sign-in (wrong password or unknown user). */
    public void failed(String username) {
        if (username == null) {
            return;
        }
        if (users.size() > MAX_TRACKED) {
            prune();
        }
        State s = users.computeIfAbsent(username, u -> new State());
        int count;
        Duration delay = null;
        synchronized (s) {
            Instant now = clock.instant();
            s.failures.addLast(now);
            while (!s.failures.isEmpty() && s.failures.peekFirst().isBefore(now.minus(window))) {
                s.failures.removeFirst();
            }
            count = s.failures.size();
            if (count >= maxFailures) {
                int doublings = Math.min(count - maxFailures, 30);
                delay = firstDelay.multipliedBy(1L << doublings);
                if (delay.compareTo(maxDelay) > 0) {
                    delay = maxDelay;
                }
                s.lockedUntil = now.plus(delay);
            }
        }
        if (delay == null) {
            log.warn("sign-in failed username={} failures={}", username, count);
        } else {
            log.warn("sign-in failed username={} failures={}; further attempts refused for {}s", username, count, delay.toSeconds());
        }
    }

    /** A successful sign-in forgets the user's failures. */
    public void succeeded(String username) {
        if (username != null) {
            users.remove(username);
        }
    }

    @EventListener
    void on(AuthenticationFailureBadCredentialsEvent e) {
        failed(e.getAuthentication().getName());
    }

    @EventListener
    void on(AuthenticationSuccessEvent e) {
        if (!users.isEmpty()) {
            succeeded(e.getAuthentication().getName());
        }
    }

    private void prune() {
        Instant now = clock.instant();
        for (Iterator<Map.Entry<String, State>> it = users.entrySet().iterator(); it.hasNext(); ) {
            State s = it.next().getValue();
            synchronized (s) {
                boolean locked = s.lockedUntil != null && now.isBefore(s.lockedUntil);
                boolean recent = !s.failures.isEmpty() && s.failures.peekLast().isAfter(now.minus(window));
                if (!locked && !recent) {
                    it.remove();
                }
            }
        }
    }
}
