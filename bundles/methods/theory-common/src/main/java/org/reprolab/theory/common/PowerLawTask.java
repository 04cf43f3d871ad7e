package org.reprolab.theory.common;

import java.util.random.RandomGenerator;

/**
 * The power-law Gaussian regression task: inputs x ~ N(0, I_M), kernel eigenvalues λᵢ = i^-α on the input
 * coordinates, and target y = Σᵢ vᵢ xᵢ + ε with vᵢ = i^(-β/2) normalised to Σ vᵢ² = 1 (so the target
 * power vᵢ² ∝ i^-β) and ε ~ N(0, σ²).
 */
public record PowerLawTask(double[] eigenvalues, double[] targetCoefficients, double noiseVariance) {

    public PowerLawTask {
        if (eigenvalues.length != targetCoefficients.length) {
            throw new IllegalArgumentException(eigenvalues.length + " eigenvalues but " + targetCoefficients.length + " target coefficients");
        }
        if (!(noiseVariance >= 0)) {
            throw new IllegalArgumentException("noise variance " + noiseVariance + " is not ≥ 0");
        }
        eigenvalues = eigenvalues.clone();
        targetCoefficients = targetCoefficients.clone();
    }

    /** The task with M modes and exponents α (spectrum) and β (target power). */
    public static PowerLawTask of(int modes, double alpha, double beta, double noiseVariance) {
        double[] lambda = new double[modes];
        double[] v = new double[modes];
        double norm = 0;
        for (int i = 0; i < modes; i++) {
            lambda[i] = Math.pow(i + 1, -alpha);
            v[i] = Math.pow(i + 1, -beta / 2);
            norm += v[i] * v[i];
        }
        double s = 1 / Math.sqrt(norm);
        for (int i = 0; i < modes; i++) {
            v[i] *= s;
        }
        return new PowerLawTask(lambda, v, noiseVariance);
    }

    public int modes() {
        return eigenvalues.length;
    }

    @Override
    public double[] eigenvalues() {
        return eigenvalues.clone();
    }

    @Override
    public double[] targetCoefficients() {
        return targetCoefficients.clone();
    }

    /** The target power vᵢ² per mode. */
    public double[] targetPower() {
        double[] p = new double[modes()];
        for (int i = 0; i < p.length; i++) {
            p[i] = targetCoefficients[i] * targetCoefficients[i];
        }
        return p;
    }

    /** n samples: all inputs are drawn first, row by row, then the label noise. */
    public Sample sample(int n, RandomGenerator rng) {
        int m = modes();
        double[][] x = new double[n][m];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double target = 0;
            for (int j = 0; j < m; j++) {
                x[i][j] = rng.nextGaussian();
                target += targetCoefficients[j] * x[i][j];
            }
            y[i] = target;
        }
        if (noiseVariance > 0) {
            double sd = Math.sqrt(noiseVariance);
            for (int i = 0; i < n; i++) {
                y[i] += sd * rng.nextGaussian();
            }
        }
        return new Sample(x, y);
    }

    /** Inputs {@code [sample][mode]} and targets. */
    public record Sample(double[][] inputs, double[] targets) {
    }
}
