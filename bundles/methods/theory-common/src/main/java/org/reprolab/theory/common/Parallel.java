package org.reprolab.theory.common;

import java.util.List;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Independent tasks (trials, seeds, forests) on the common fork-join pool. Each task draws from its own
 * named random stream and its result lands in its own slot, so results are bit-identical whatever the
 * scheduling and the number of cores.
 */
public final class Parallel {

    private Parallel() {
    }

    /** {@code task(0) … task(count − 1)}, in index order. */
    public static <T> List<T> map(int count, IntFunction<T> task) {
        return IntStream.range(0, count).parallel().mapToObj(task).toList();
    }

    /** The tasks' results, in the tasks' order. */
    public static <T> List<T> run(List<Supplier<T>> tasks) {
        return map(tasks.size(), i -> tasks.get(i).get());
    }
}
