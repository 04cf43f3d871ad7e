package org.reprolab.console.web;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * Where the console password comes from: the environment ({@code REPROLAB_CONSOLE_PASSWORD}), else the hash
 * stored by an earlier start, else a new random password whose hash is stored now. There is no default password.
 *
 * @param hash      what a login is checked against
 * @param generated the password made on this start, to be shown to the user once; empty otherwise
 */
record ConsolePassword(PasswordHash hash, Optional<String> generated) {

    static final String ENV = "REPROLAB_CONSOLE_PASSWORD";
    /** 20 characters from a 56-letter alphabet without look-alikes (l, 1, O, 0): about 116 bits, beyond guessing. */
    private static final int GENERATED_LENGTH = 20;
    private static final String ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    static ConsolePassword resolve(String fromEnvironment, PasswordFile file, SecureRandom random) throws IOException {
        if (fromEnvironment != null && !fromEnvironment.isEmpty()) {
            return new ConsolePassword(PasswordHash.of(fromEnvironment.toCharArray(), random), Optional.empty());
        }
        Optional<PasswordHash> stored = file.read();
        if (stored.isPresent()) {
            return new ConsolePassword(stored.get(), Optional.empty());
        }
        String password = generate(random);
        PasswordHash hash = PasswordHash.of(password.toCharArray(), random);
        file.write(hash);
        return new ConsolePassword(hash, Optional.of(password));
    }

    private static String generate(SecureRandom random) {
        StringBuilder sb = new StringBuilder(GENERATED_LENGTH);
        for (int i = 0; i < GENERATED_LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }
}
