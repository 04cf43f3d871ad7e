package org.reprolab.method.forestssmoothers;

import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Runs independent tasks (one forest each) on the common fork/join pool. Each task owns its random
 * stream, created beforehand on the run's thread, and writes only its own slot, so the results are
 * bit-identical whatever the scheduling.
 */
final class ParallelTasks {

    private ParallelTasks() {
    }

    @SuppressWarnings("unchecked")
    static <T> List<T> run(List<Supplier<T>> tasks) {
        Object[] results = new Object[tasks.size()];
        IntStream.range(0, tasks.size()).parallel().forEach(i -> results[i] = tasks.get(i).get());
        return (List<T>) Arrays.asList(results);
    }
}
