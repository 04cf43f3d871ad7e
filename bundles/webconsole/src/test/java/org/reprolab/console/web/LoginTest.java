package org.reprolab.console.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class LoginTest {

    private static final String ROOT = "/system/console";

    @Test
    void afterLoginOnlyPagesOfThisConsoleAreRedirectedTo() {
        assertEquals(ROOT + "/experiments?run=a", ConsoleLogin.safeNext(ROOT, ROOT + "/experiments?run=a"));
        for (String elsewhere : new String[] {null, "https://evil.example/", "//evil.example/", ROOT + "//evil.example",
                "/other", ROOT + "/login", ROOT + "/\\evil.example"}) {
            assertEquals(ROOT + "/experiments", ConsoleLogin.safeNext(ROOT, elsewhere), String.valueOf(elsewhere));
        }
    }

    @Test
    void basicCredentialsYieldThePasswordAndMalformedOnesNothing() {
        String header = "Basic " + Base64.getEncoder().encodeToString("admin:p:a:ss".getBytes(StandardCharsets.UTF_8));
        assertArrayEquals("p:a:ss".toCharArray(), ConsoleLogin.basicPassword(header));
        assertNull(ConsoleLogin.basicPassword(null));
        assertNull(ConsoleLogin.basicPassword("Bearer abc"));
        assertNull(ConsoleLogin.basicPassword("Basic !!!"));
        assertNull(ConsoleLogin.basicPassword("Basic " + Base64.getEncoder().encodeToString("nocolon".getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void aSessionIsValidUntilItExpiresOrIsClosed() {
        MutableClock clock = new MutableClock();
        LoginSessions sessions = new LoginSessions(new SecureRandom(), clock, Duration.ofHours(1));
        String token = sessions.open();
        assertTrue(sessions.isValid(token));
        assertFalse(sessions.isValid(token + "x"));
        assertFalse(sessions.isValid(null));
        clock.now = clock.now.plus(Duration.ofMinutes(61));
        assertFalse(sessions.isValid(token), "expired");

        String other = sessions.open();
        sessions.close(other);
        assertFalse(sessions.isValid(other), "logged out");
    }

    private static final class MutableClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
