package org.reprolab.tensor.jvm;

import org.reprolab.tensor.backend.ReduceOp;

/** Reductions along one strided line; sums accumulate in double in index order (deterministic). */
final class Reductions {
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

    static void softmaxRow(float[] x, int xo, float[] y, int yo, int n, boolean log) {
        float max = Float.NEGATIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            max = Math.max(max, x[xo + c]);
        }
        double sum = 0;
        for (int c = 0; c < n; c++) {
            double e = Math.exp(x[xo + c] - max);
            sum += e;
            if (!log) {
                y[yo + c] = (float) e;
            }
        }
        if (log) {
            double lse = max + Math.log(sum);
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
     * the value's order-preserving bits in the high word, the position in the low word.
     */
    static long sortKey(double value, boolean descending, int position) {
        int bits = Float.floatToIntBits((float) value);
        int ordered = bits < 0 ? ~bits : bits | 0x80000000; // unsigned order of floats
        long key = Integer.toUnsignedLong(ordered);
        if (descending) {
            key = 0xffffffffL - key;
        }
        return (key << 32) | position;
    }
}
