package org.reprolab.method.moreisbetter;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Independent tasks (trials, cells) on the common fork-join pool. Each task draws from its own named random
 * stream and its result lands in its own slot, so results do not depend on scheduling.
 */
final class Parallel {

    private Parallel() {
    }

    static <T> List<T> map(int count, IntFunction<T> task) {
        return IntStream.range(0, count).parallel().mapToObj(task).toList();
    }
}
