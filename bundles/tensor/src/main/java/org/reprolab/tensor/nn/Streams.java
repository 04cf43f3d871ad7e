package org.reprolab.tensor.nn;

import org.reprolab.tensor.Generator;

/** Derives the generators a module keeps for later draws (dropout) from the one it was built with. */
final class Streams {
    private Streams() {
    }

    /**
     * A generator of its own for {@code purpose}, seeded by a draw from {@code gen}: two modules built from one
     * generator get different streams ({@link Generator#fork} alone depends only on the seed and would repeat).
     */
    static Generator child(Generator gen, String purpose) {
        int[] draw = gen.randint(0, 1 << 24, 3).toIntArray();
        long salt = ((long) draw[0] << 48) ^ ((long) draw[1] << 24) ^ draw[2];
        return new Generator(gen.fork(purpose).seed() ^ salt);
    }
}
