package org.reprolab.method.forestssmoothers;

import java.util.List;
import java.util.function.ToDoubleFunction;

/** Means and standard deviations over seeds: every claim is checked on seed means (spec "Claims"). */
final class SeedStatistics {

    private SeedStatistics() {
    }

    static <T> double mean(List<T> seeds, ToDoubleFunction<T> value) {
        double sum = 0;
        for (T seed : seeds) {
            sum += value.applyAsDouble(seed);
        }
        return sum / seeds.size();
    }

    /** Sample standard deviation (0 for one seed). */
    static <T> double std(List<T> seeds, ToDoubleFunction<T> value) {
        if (seeds.size() < 2) {
            return 0;
        }
        double mean = mean(seeds, value);
        double sum = 0;
        for (T seed : seeds) {
            double d = value.applyAsDouble(seed) - mean;
            sum += d * d;
        }
        return Math.sqrt(sum / (seeds.size() - 1));
    }

    /** Element-wise mean of one curve per seed. */
    static double[] meanCurve(List<double[]> curves) {
        double[] out = new double[curves.get(0).length];
        for (double[] c : curves) {
            for (int k = 0; k < out.length; k++) {
                out[k] += c[k];
            }
        }
        for (int k = 0; k < out.length; k++) {
            out[k] /= curves.size();
        }
        return out;
    }

    /** Element-wise sample standard deviation of one curve per seed. */
    static double[] stdCurve(List<double[]> curves) {
        double[] mean = meanCurve(curves);
        double[] out = new double[mean.length];
        if (curves.size() < 2) {
            return out;
        }
        for (double[] c : curves) {
            for (int k = 0; k < out.length; k++) {
                out[k] += (c[k] - mean[k]) * (c[k] - mean[k]);
            }
        }
        for (int k = 0; k < out.length; k++) {
            out[k] = Math.sqrt(out[k] / (curves.size() - 1));
        }
        return out;
    }
}
