package org.reprolab.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PasswordTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aHashMatchesItsPasswordOnlyAndSurvivesEncoding() {
        PasswordHash hash = PasswordHash.of("correct horse".toCharArray(), random);
        PasswordHash decoded = PasswordHash.decode(hash.encode());
        assertTrue(decoded.matches("correct horse".toCharArray()));
        assertFalse(decoded.matches("correct hors".toCharArray()));
        assertFalse(decoded.matches(new char[0]));
        assertEquals(PasswordHash.ITERATIONS, decoded.iterations());
        assertFalse(hash.encode().contains("correct"));
    }

    @Test
    void theSamePasswordGetsADifferentSaltEachTime() {
        assertFalse(PasswordHash.of("x".toCharArray(), random).encode().equals(PasswordHash.of("x".toCharArray(), random).encode()));
    }

    @Test
    void aMalformedHashIsRefusedWithAMessage() {
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.decode("admin"));
        assertThrows(IllegalArgumentException.class, () -> PasswordHash.decode("pbkdf2-sha256:1:%%:%%"));
    }

    @Test
    void theFirstStartGeneratesAPasswordStoresOnlyItsHashOwnerOnlyAndLaterStartsReuseIt(@TempDir Path dir) throws IOException {
        PasswordFile file = new PasswordFile(dir.resolve("conf/console.password"));
        ConsolePassword first = ConsolePassword.resolve(null, file, random);
        String password = first.generated().orElseThrow();
        assertTrue(password.length() >= 20, password);
        String stored = Files.readString(file.path());
        assertFalse(stored.contains(password));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
        try (var left = Files.list(file.path().getParent())) {
            assertEquals(1, left.count(), "no temporary file is left behind");
        }

        ConsolePassword second = ConsolePassword.resolve("", file, random);
        assertTrue(second.generated().isEmpty(), "shown once only");
        assertTrue(second.hash().matches(password.toCharArray()));
    }

    @Test
    void thePasswordFromTheEnvironmentWinsAndWritesNothing(@TempDir Path dir) throws IOException {
        PasswordFile file = new PasswordFile(dir.resolve("console.password"));
        ConsolePassword resolved = ConsolePassword.resolve("from-env", file, random);
        assertTrue(resolved.generated().isEmpty());
        assertTrue(resolved.hash().matches("from-env".toCharArray()));
        assertFalse(Files.exists(file.path()));
    }

    @Test
    void aDamagedFileIsReportedNotReplaced(@TempDir Path dir) throws IOException {
        Path path = dir.resolve("console.password");
        Files.writeString(path, "garbage");
        IOException e = assertThrows(IOException.class, () -> ConsolePassword.resolve(null, new PasswordFile(path), random));
        assertTrue(e.getMessage().contains("delete it"), e.getMessage());
        assertEquals("garbage", Files.readString(path));
    }
}
