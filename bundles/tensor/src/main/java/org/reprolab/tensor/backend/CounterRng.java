package org.reprolab.tensor.backend;

/**
 * The lab's random stream: a counter-based generator, so draw {@code i} depends only on (seed, i). Every
 * backend computes the same numbers in any order and on any number of threads, which is what makes a run
 * reproducible on a device. The mixer is SplitMix64's finalizer applied twice (Steele, Lea &amp; Flood 2014).
 */
public final class CounterRng {
    private CounterRng() {
    }

    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    /** 64 random bits for draw {@code index} of lane {@code lane} (0 or 1) of the stream {@code seed}. */
    public static long bits(long seed, long index, int lane) {
        return mix(mix(seed * 0x9e3779b97f4a7c15L + lane) ^ (index * 0xd1b54a32d192ed03L));
    }

    /** A uniform double in [0, 1) with 53 random bits. */
    public static double uniform(long seed, long index) {
        return (bits(seed, index, 0) >>> 11) * 0x1.0p-53;
    }

    /** A standard normal draw (Box–Muller on two independent uniforms of the same index). */
    public static double normal(long seed, long index) {
        double u1 = 1.0 - (bits(seed, index, 0) >>> 11) * 0x1.0p-53; // (0, 1]: log is finite
        double u2 = (bits(seed, index, 1) >>> 11) * 0x1.0p-53;
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }
}
