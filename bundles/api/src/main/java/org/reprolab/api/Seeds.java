package org.reprolab.api;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * How a run's random streams derive from its seed. Every {@link RunContext} uses these, so a run gives
 * the same numbers whether the platform, a test or a console started it.
 */
public final class Seeds {

    private Seeds() {
    }

    /** The run's main generator. */
    public static SplittableRandom main(long seed) {
        return new SplittableRandom(seed);
    }

    /** An independent stream named {@code name}: a 64-bit FNV-1a hash of the name mixed into the seed. */
    public static SplittableRandom stream(long seed, String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h = (h ^ (b & 0xff)) * 0x100000001b3L;
        }
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L ^ h);
    }
}
