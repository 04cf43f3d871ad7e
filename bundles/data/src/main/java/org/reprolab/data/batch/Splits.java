package org.reprolab.data.batch;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Train/validation/test splits by fractions. A random split shuffles all indices and cuts; a stratified split does
 * that per class, so each part holds (up to rounding) the same class proportions. The sizes are
 * round(fraction·n) for validation and test (per class when stratified), the rest for training; each part is in
 * random order.
 */
public final class Splits {

    private Splits() {
    }

    /** A random split of 0…n−1. */
    public static DataSplit random(int n, double validationFraction, double testFraction, RandomGenerator rng) {
        checkFractions(validationFraction, testFraction);
        int[] order = Permutations.random(n, rng);
        int nVal = (int) Math.round(validationFraction * n);
        int nTest = (int) Math.round(testFraction * n);
        if (nVal + nTest > n) {
            throw new IllegalArgumentException("fractions " + validationFraction + " + " + testFraction + " leave no room in " + n);
        }
        return new DataSplit(java.util.Arrays.copyOfRange(order, nVal + nTest, n),
                java.util.Arrays.copyOfRange(order, 0, nVal), java.util.Arrays.copyOfRange(order, nVal, nVal + nTest));
    }

    /** A split that keeps each class's share in every part; labels are class indices ≥ 0. */
    public static DataSplit stratified(int[] labels, double validationFraction, double testFraction, RandomGenerator rng) {
        checkFractions(validationFraction, testFraction);
        List<int[]> byClass = indicesByClass(labels);
        List<Integer> train = new ArrayList<>();
        List<Integer> val = new ArrayList<>();
        List<Integer> test = new ArrayList<>();
        for (int[] members : byClass) {
            int[] order = Permutations.shuffled(members, rng);
            int nVal = (int) Math.round(validationFraction * order.length);
            int nTest = Math.min(order.length - nVal, (int) Math.round(testFraction * order.length));
            for (int i = 0; i < order.length; i++) {
                (i < nVal ? val : i < nVal + nTest ? test : train).add(order[i]);
            }
        }
        return new DataSplit(shuffledArray(train, rng), shuffledArray(val, rng), shuffledArray(test, rng));
    }

    /** The indices of each class 0…max(label), in increasing order (an empty array for an absent class). */
    public static List<int[]> indicesByClass(int[] labels) {
        int classes = 0;
        for (int i = 0; i < labels.length; i++) {
            if (labels[i] < 0) {
                throw new IllegalArgumentException("label " + labels[i] + " at index " + i + " is negative");
            }
            classes = Math.max(classes, labels[i] + 1);
        }
        int[] counts = new int[classes];
        for (int l : labels) {
            counts[l]++;
        }
        List<int[]> out = new ArrayList<>();
        int[] fill = new int[classes];
        for (int c = 0; c < classes; c++) {
            out.add(new int[counts[c]]);
        }
        for (int i = 0; i < labels.length; i++) {
            out.get(labels[i])[fill[labels[i]]++] = i;
        }
        return out;
    }

    private static int[] shuffledArray(List<Integer> list, RandomGenerator rng) {
        int[] a = list.stream().mapToInt(Integer::intValue).toArray();
        Permutations.shuffle(a, rng);
        return a;
    }

    private static void checkFractions(double validation, double test) {
        if (!(validation >= 0 && test >= 0 && validation + test < 1)) {
            throw new IllegalArgumentException("validation and test fractions must be ≥ 0 with a sum below 1, got "
                    + validation + " and " + test);
        }
    }
}
