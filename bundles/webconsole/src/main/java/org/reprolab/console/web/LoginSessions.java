package org.reprolab.console.web;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Logged-in browser sessions: random tokens held in memory only, so a restart logs everyone out. A token is
 * what the session cookie carries; it expires a fixed time after login.
 */
final class LoginSessions {

    private static final int TOKEN_BYTES = 32;

    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private final SecureRandom random;
    private final Clock clock;
    private final Duration lifetime;

    LoginSessions(SecureRandom random, Clock clock, Duration lifetime) {
        this.random = random;
        this.clock = clock;
        this.lifetime = lifetime;
    }

    Duration lifetime() {
        return lifetime;
    }

    String open() {
        byte[] bytes = new byte[TOKEN_BYTES];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant now = clock.instant();
        expiries.values().removeIf(now::isAfter);
        expiries.put(token, now.plus(lifetime));
        return token;
    }

    boolean isValid(String token) {
        Instant expiry = token == null ? null : expiries.get(token);
        if (expiry == null) {
            return false;
        }
        if (clock.instant().isAfter(expiry)) {
            expiries.remove(token);
            return false;
        }
        return true;
    }

    void close(String token) {
        if (token != null) {
            expiries.remove(token);
        }
    }
}
