package org.reprolab.method.apremss;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.tensor.Tensor;

/**
 * What the scores of one split compare against, fixed before any training: the evaluated points (validation then
 * test) as the network's input, and for every (k, t) their mean-shifted positions — validation points shift as pool
 * members, test points as queries against the pool.
 */
final class ScoringTargets {

    private final double[][] points;
    private final int validationCount;
    private final int[] group;
    private final Map<Long, double[][]> shifted = new HashMap<>();
    private final Tensor input;

    ScoringTargets(DetectionSplit split, int[] ks, int rounds) {
        double[][] val = split.validationPoints();
        this.validationCount = val.length;
        this.points = concat(val, split.test());
        this.group = new int[points.length];
        System.arraycopy(split.validationGroup(), 0, group, 0, validationCount);
        System.arraycopy(split.testGroup(), 0, group, validationCount, split.test().length);
        if (rounds > 0 && ks.length > 0) {
            Map<Integer, List<MeanShift.Shifted>> paths = MeanShift.rounds(split.pool(), split.test(), ks, rounds);
            paths.forEach((k, path) -> {
                for (int r = 1; r <= path.size(); r++) {
                    MeanShift.Shifted s = path.get(r - 1);
                    double[][] valShifted = new double[validationCount][];
                    for (int i = 0; i < validationCount; i++) {
                        valShifted[i] = s.pool()[split.validation()[i]];
                    }
                    shifted.put(key(k, r), concat(valShifted, s.queries()));
                }
            });
        }
        float[] flat = new float[points.length * points[0].length];
        for (int i = 0; i < points.length; i++) {
            for (int j = 0; j < points[i].length; j++) {
                flat[i * points[i].length + j] = (float) points[i][j];
            }
        }
        this.input = Tensor.of(flat, points.length, points[0].length);
    }

    /** The evaluated points as a network input [validation + test, d]. */
    Tensor input() {
        return input;
    }

    /** What the scorer compares the reconstruction with, per evaluated point. */
    double[][] target(Scorer scorer) {
        if (!scorer.meanShifted()) {
            return points;
        }
        double[][] t = shifted.get(key(scorer.k(), scorer.t()));
        if (t == null) {
            throw new IllegalArgumentException("no mean shift computed for " + scorer);
        }
        return t;
    }

    int validationCount() {
        return validationCount;
    }

    /** Groups of the evaluated points (validation then test). */
    int[] group() {
        return group;
    }

    /** The evaluated points (validation then test), standardised. */
    double[][] points() {
        return points;
    }

    private static long key(int k, int t) {
        return ((long) k << 32) | t;
    }

    private static double[][] concat(double[][] a, double[][] b) {
        double[][] out = new double[a.length + b.length][];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
