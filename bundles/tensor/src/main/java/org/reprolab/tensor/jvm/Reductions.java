package org.reprolab.tensor.jvm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.reprolab.tensor.backend.ReduceOp;

/** Reductions along one strided line; sums accumulate in double in index order (deterministic). */
final class Reductions {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private Reductions() {
    }

    static double reduce(ReduceOp op, float[] x, int base, int step, int len) {
        switch (op) {
            case SUM -> {
                double acc = 0;
                for (int p = 0; p < len; p++) {
                    acc += x[base + p * step];
                }
                return acc;
            }
            case MAX, MIN -> {
                boolean max = op == ReduceOp.MAX;
                float best = x[base];
                for (int p = 1; p < len; p++) {
                    float v = x[base + p * step];
                    if (max ? v > best || Float.isNaN(v) : v < best || Float.isNaN(v)) {
                        best = v;
                    }
                }
                return best;
            }
            default -> {
                boolean max = op == ReduceOp.ARGMAX;
                int arg = 0;
                float best = x[base];
                for (int p = 1; p < len; p++) {
                    float v = x[base + p * step];
                    if (max ? v > best : v < best) {
                        best = v;
                        arg = p;
                    }
                }
                return arg;
            }
        }
    }

    static double reduce(ReduceOp op, JvmStorage x, int base, int step, int len) {
        switch (op) {
            case SUM -> {
                double acc = 0;
                for (int p = 0; p < len; p++) {
                    acc += x.get(base + p * step);
                }
                return acc;
            }
            case MAX, MIN -> {
                boolean max = op == ReduceOp.MAX;
                double best = x.get(base);
                for (int p = 1; p < len; p++) {
                    double v = x.get(base + p * step);
                    if (max ? v > best || Double.isNaN(v) : v < best || Double.isNaN(v)) {
                        best = v;
                    }
                }
                return best;
            }
            default -> {
                boolean max = op == ReduceOp.ARGMAX;
                int arg = 0;
                double best = x.get(base);
                for (int p = 1; p < len; p++) {
                    double v = x.get(base + p * step);
                    if (max ? v > best : v < best) {
                        best = v;
                        arg = p;
                    }
                }
                return arg;
            }
        }
    }

    /** Softmax backward of one row: y·(g − Σy·g), or for log-softmax g − e^y·Σg. */
    static void softmaxBackwardRow(float[] y, int yo, float[] g, int go, float[] dx, int oo, int n, boolean log) {
        double acc = 0;
        if (log) {
            for (int c = 0; c < n; c++) {
                acc += g[go + c];
            }
            float sum = (float) acc;
            for (int c = 0; c < n; c++) {
                dx[oo + c] = g[go + c] - (float) Math.exp(y[yo + c]) * sum;
            }
        } else {
            for (int c = 0; c < n; c++) {
                acc += y[yo + c] * g[go + c];
            }
            float dot = (float) acc;
            for (int c = 0; c < n; c++) {
                dx[oo + c] = y[yo + c] * (g[go + c] - dot);
            }
        }
    }

    static void softmaxRow(float[] x, int xo, float[] y, int yo, int n, boolean log) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            max = Math.max(max, x[xo + c]);
        }
        // e^(x − max) (ExactMath: the same bits in lanes and tail), written to y (then scaled, or replaced for log-softmax)
        final float shift = max == Float.NEGATIVE_INFINITY ? 0f : max;
        int c0 = 0;
        for (int bound = S.loopBound(n); c0 < bound; c0 += S.length()) {
            ExactMath.exp(FloatVector.fromArray(S, x, xo + c0).sub(shift)).intoArray(y, yo + c0);
        }
        for (; c0 < n; c0++) {
            y[yo + c0] = ExactMath.exp(x[xo + c0] - shift);
        }
        double sum = 0;
        for (int c = 0; c < n; c++) {
            sum += y[yo + c];
        }
        if (log) {
            double lse = shift + Math.log(sum);
            for (int c = 0; c < n; c++) {
                y[yo + c] = (float) (x[xo + c] - lse);
            }
        } else {
            float inv = (float) (1.0 / sum);
            for (int c = 0; c < n; c++) {
                y[yo + c] *= inv;
            }
        }
    }

    static void softmaxRow(JvmStorage x, int xo, JvmStorage y, int yo, int n, boolean log) {
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            max = Math.max(max, x.get(xo + c));
        }
        double sum = 0;
        for (int c = 0; c < n; c++) {
            sum += Math.exp(x.get(xo + c) - max);
        }
        double lse = max + Math.log(sum);
        for (int c = 0; c < n; c++) {
            double lp = x.get(xo + c) - lse;
            y.set(yo + c, log ? lp : Math.exp(lp));
        }
    }

    /**
     * A long whose natural order is the order of values (ascending, or descending), ties broken by position:
     * the value's order-preserving bits in the high word, the position in the low word, compared as signed longs.
     */
    static long sortKey(double value, boolean descending, int position) {
        int bits = Float.floatToIntBits((float) value);
        int ordered = bits < 0 ? ~bits : bits | 0x80000000; // unsigned order of floats
        long key = Integer.toUnsignedLong(ordered);
        if (descending) {
            key = 0xffffffffL - key;
        }
        // the sign bit flipped, so that Arrays.sort's signed order is the keys' unsigned order
        return ((key << 32) | position) ^ Long.MIN_VALUE;
    }
}
