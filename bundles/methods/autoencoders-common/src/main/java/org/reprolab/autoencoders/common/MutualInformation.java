package org.reprolab.autoencoders.common;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Mutual-information estimators in nats, as used by information-based disentanglement metrics (InfoMEC): the plug-in
 * estimate between two discrete variables from their joint counts, and the k-nearest-neighbour estimator of Ross
 * (2014, "Mutual information between discrete and continuous data sets") between a discrete and a continuous
 * variable, computed as scikit-learn's {@code mutual_info_classif} does (negative estimates clipped to 0).
 */
public final class MutualInformation {

    private MutualInformation() {
    }

    /** The plug-in entropy of a discrete variable, in nats. */
    public static double entropy(int[] labels) {
        if (labels.length == 0) {
            throw new IllegalArgumentException("entropy of an empty sample");
        }
        double h = 0;
        for (int count : counts(labels).values()) {
            double p = (double) count / labels.length;
            h -= p * Math.log(p);
        }
        return h;
    }

    /** The plug-in estimate I(a; b) = Σ p(a, b) log p(a, b) / (p(a) p(b)) from counts, in nats (≥ 0). */
    public static double discrete(int[] a, int[] b) {
        checkSameLength(a.length, b.length);
        int n = a.length;
        Map<Integer, Integer> countA = counts(a);
        Map<Integer, Integer> countB = counts(b);
        Map<Long, Integer> joint = new HashMap<>();
        for (int i = 0; i < n; i++) {
            joint.merge(((long) a[i] << 32) ^ (b[i] & 0xffffffffL), 1, Integer::sum);
        }
        double mi = 0;
        for (Map.Entry<Long, Integer> e : joint.entrySet()) {
            int ai = (int) (e.getKey() >> 32);
            int bi = (int) (long) e.getKey();
            double pab = (double) e.getValue() / n;
            mi += pab * Math.log(pab * n * n / ((double) countA.get(ai) * countB.get(bi)));
        }
        return Math.max(0, mi);
    }

    /**
     * Ross's k-NN estimate of I(label; x) for a discrete label and continuous points x (rows): for each point, d is
     * the distance to its k-th nearest neighbour among the points with the same label (k capped at that label's
     * count − 1), m the number of points of the whole sample closer than d (itself included); then
     * I = ψ(N) + ⟨ψ(k)⟩ − ⟨ψ(N_label)⟩ − ⟨ψ(m)⟩. Points whose label occurs once are left out; the estimate is
     * clipped at 0. Distances are Euclidean; the caller standardises x if its scale should not matter.
     */
    public static double discreteContinuous(int[] labels, double[][] x, int k) {
        checkSameLength(labels.length, x.length);
        if (k < 1) {
            throw new IllegalArgumentException("k must be ≥ 1, got " + k);
        }
        Map<Integer, int[]> members = groups(labels);
        int n = labels.length;
        double[] radius = new double[n];
        int[] kUsed = new int[n];
        int[] labelCount = new int[n];
        for (int[] idx : members.values()) {
            for (int i : idx) {
                labelCount[i] = idx.length;
            }
            if (idx.length < 2) {
                continue;
            }
            int kk = Math.min(k, idx.length - 1);
            double[][] pool = new double[idx.length][];
            for (int t = 0; t < idx.length; t++) {
                pool[t] = x[idx[t]];
            }
            NearestNeighbours.Neighbours nb = new NearestNeighbours(pool).searchPoolExcludingSelf(kk);
            for (int t = 0; t < idx.length; t++) {
                radius[idx[t]] = nb.distances()[t][kk - 1];
                kUsed[idx[t]] = kk;
            }
        }
        int kept = 0;
        for (int i = 0; i < n; i++) {
            if (labelCount[i] > 1) {
                kept++;
            }
        }
        if (kept == 0) {
            return 0;
        }
        double[][] points = new double[kept][];
        double[] radii = new double[kept];
        int[] keptIndex = new int[kept];
        for (int i = 0, t = 0; i < n; i++) {
            if (labelCount[i] > 1) {
                points[t] = x[i];
                radii[t] = radius[i];
                keptIndex[t++] = i;
            }
        }
        int[] within = countCloserThan(points, radii);
        double sumK = 0;
        double sumLabel = 0;
        double sumM = 0;
        for (int t = 0; t < kept; t++) {
            int i = keptIndex[t];
            sumK += digamma(kUsed[i]);
            sumLabel += digamma(labelCount[i]);
            sumM += digamma(within[t]);
        }
        double mi = digamma(kept) + (sumK - sumLabel - sumM) / kept;
        return Math.max(0, mi);
    }

    /** For each point, how many points (itself included) lie strictly closer than its radius. */
    private static int[] countCloserThan(double[][] points, double[] radii) {
        int n = points.length;
        int[] count = new int[n];
        if (points[0].length == 1) {
            double[] sorted = new double[n];
            for (int i = 0; i < n; i++) {
                sorted[i] = points[i][0];
            }
            Arrays.sort(sorted);
            for (int i = 0; i < n; i++) {
                double v = points[i][0];
                double r = radii[i];
                // |u − v| < r, self included even when r = 0; the bounds found by v ± r are then corrected with the
                // same distance the neighbour search uses, so rounding never moves a point across the radius
                int lo = firstAbove(sorted, v - r);
                while (lo > 0 && Math.abs(sorted[lo - 1] - v) < r) {
                    lo--;
                }
                while (lo < sorted.length && sorted[lo] < v && !(Math.abs(sorted[lo] - v) < r)) {
                    lo++;
                }
                int hi = firstAtOrAbove(sorted, v + r);
                while (hi < sorted.length && Math.abs(sorted[hi] - v) < r) {
                    hi++;
                }
                while (hi > lo && sorted[hi - 1] > v && !(Math.abs(sorted[hi - 1] - v) < r)) {
                    hi--;
                }
                count[i] = Math.max(1, hi - lo);
            }
            return count;
        }
        for (int i = 0; i < n; i++) {
            int c = 0;
            for (int j = 0; j < n; j++) {
                double s = 0;
                for (int d = 0; d < points[i].length; d++) {
                    double diff = points[i][d] - points[j][d];
                    s += diff * diff;
                }
                if (Math.sqrt(s) < radii[i] || j == i) {
                    c++;
                }
            }
            count[i] = c;
        }
        return count;
    }

    /** The first index whose value is &gt; v. */
    private static int firstAbove(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] > v) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The first index whose value is ≥ v. */
    private static int firstAtOrAbove(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] >= v) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** The digamma function ψ(x) for x &gt; 0 (recurrence up to x ≥ 10, then the asymptotic series). */
    public static double digamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("digamma needs x > 0, got " + x);
        }
        double result = 0;
        while (x < 10) {
            result -= 1 / x;
            x += 1;
        }
        double inv2 = 1 / (x * x);
        return result + Math.log(x) - 0.5 / x
                - inv2 * (1.0 / 12 - inv2 * (1.0 / 120 - inv2 * (1.0 / 252 - inv2 * (1.0 / 240 - inv2 / 132))));
    }

    private static Map<Integer, Integer> counts(int[] labels) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (int v : labels) {
            counts.merge(v, 1, Integer::sum);
        }
        return counts;
    }

    private static Map<Integer, int[]> groups(int[] labels) {
        Map<Integer, Integer> counts = counts(labels);
        Map<Integer, int[]> groups = new java.util.TreeMap<>();
        Map<Integer, Integer> filled = new HashMap<>();
        counts.forEach((label, c) -> groups.put(label, new int[c]));
        for (int i = 0; i < labels.length; i++) {
            int at = filled.merge(labels[i], 1, Integer::sum) - 1;
            groups.get(labels[i])[at] = i;
        }
        return groups;
    }

    private static void checkSameLength(int a, int b) {
        if (a != b) {
            throw new IllegalArgumentException("the two variables have " + a + " and " + b + " samples");
        }
        if (a == 0) {
            throw new IllegalArgumentException("mutual information of empty samples");
        }
    }
}
