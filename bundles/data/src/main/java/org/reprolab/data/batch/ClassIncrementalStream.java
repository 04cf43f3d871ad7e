package org.reprolab.data.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * A class-incremental stream: the classes are grouped into tasks that follow each other (e.g. Fashion-MNIST as five
 * tasks of two classes); each task's examples are served in random order, and the stream's mini-batches run through
 * the tasks one after another with no signal at the boundaries (a batch never mixes two tasks). The learner sees
 * only (x, y) batches; {@link #taskOfBatch(int)} is for evaluation and plots.
 */
public final class ClassIncrementalStream {

    private final List<int[]> taskClasses;
    private final List<int[]> taskIndices;
    private final int batchSize;
    private final int[] firstBatch;

    /**
     * @param labels      class index of every example
     * @param taskClasses the classes of each task, in stream order (disjoint)
     * @param batchSize   examples per batch; each task's last batch may be shorter
     * @param rng         orders the examples within each task
     */
    public ClassIncrementalStream(int[] labels, List<int[]> taskClasses, int batchSize, RandomGenerator rng) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batch size must be ≥ 1, got " + batchSize);
        }
        List<int[]> byClass = Splits.indicesByClass(labels);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        this.taskClasses = new ArrayList<>();
        this.taskIndices = new ArrayList<>();
        this.batchSize = batchSize;
        this.firstBatch = new int[taskClasses.size() + 1];
        for (int t = 0; t < taskClasses.size(); t++) {
            int[] classes = taskClasses.get(t).clone();
            int total = 0;
            for (int c : classes) {
                if (!seen.add(c)) {
                    throw new IllegalArgumentException("class " + c + " appears in more than one task");
                }
                total += c < byClass.size() ? byClass.get(c).length : 0;
            }
            int[] members = new int[total];
            int k = 0;
            for (int c : classes) {
                if (c < byClass.size()) {
                    for (int i : byClass.get(c)) {
                        members[k++] = i;
                    }
                }
            }
            Permutations.shuffle(members, rng);
            this.taskClasses.add(classes);
            this.taskIndices.add(members);
            firstBatch[t + 1] = firstBatch[t] + (members.length + batchSize - 1) / batchSize;
        }
    }

    /** Tasks of {@code perTask} consecutive classes: {0, 1}, {2, 3}, … for perTask = 2. */
    public static List<int[]> consecutiveTasks(int classes, int perTask) {
        if (perTask < 1 || classes % perTask != 0) {
            throw new IllegalArgumentException(classes + " classes do not split into tasks of " + perTask);
        }
        List<int[]> tasks = new ArrayList<>();
        for (int t = 0; t < classes / perTask; t++) {
            int[] c = new int[perTask];
            for (int i = 0; i < perTask; i++) {
                c[i] = t * perTask + i;
            }
            tasks.add(c);
        }
        return tasks;
    }

    /** The number of tasks. */
    public int tasks() {
        return taskClasses.size();
    }

    /** The classes of task t. */
    public int[] classesOf(int task) {
        return taskClasses.get(task).clone();
    }

    /** The examples of task t, in the order the stream serves them. */
    public int[] indicesOf(int task) {
        return taskIndices.get(task).clone();
    }

    /** Mini-batches over the whole stream. */
    public int batches() {
        return firstBatch[firstBatch.length - 1];
    }

    /** Batch b of the stream. */
    public int[] batch(int b) {
        int t = taskOfBatch(b);
        int local = b - firstBatch[t];
        int[] members = taskIndices.get(t);
        return java.util.Arrays.copyOfRange(members, local * batchSize, Math.min(members.length, (local + 1) * batchSize));
    }

    /** The task batch b belongs to. */
    public int taskOfBatch(int b) {
        if (b < 0 || b >= batches()) {
            throw new IndexOutOfBoundsException("batch " + b + " of " + batches());
        }
        int t = 0;
        while (firstBatch[t + 1] <= b) {
            t++;
        }
        return t;
    }
}
