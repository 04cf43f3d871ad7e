package org.reprolab.method.raescore;

import java.util.random.RandomGenerator;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;

/** The invariants the specification's smoke profile asserts, measured so every run records them. */
final class SmokeChecks {

    private SmokeChecks() {
    }

    /**
     * max |r(x_j) − x_j| of the exact 1-D solution at a tiny σ over the support (p > 0.02): the criterion's optimum
     * tends to the identity. The ends of the truncated interval [−5, 6] are left out: there the natural boundary
     * condition r′ = 0 bends r away from x over a layer of width ≈ σ, an artefact of the truncation, not of the theorem.
     */
    static double smallSigmaDeviation(Mixture1d density, double sigma, double spacing) {
        ExactReconstruction1d.Solution s = ExactReconstruction1d.solve(density, sigma, ExactStudy1d.LO, ExactStudy1d.HI,
                ExactStudy1d.spacing(sigma, spacing));
        double worst = 0;
        for (int j = 0; j < s.nodes().length; j++) {
            if (density.density(s.nodes()[j]) <= ExactStudy1d.SUPPORT) {
                continue;
            }
            worst = Math.max(worst, Math.abs(s.values()[j] - s.nodes()[j]));
        }
        return worst;
    }

    /** max |analytic − central finite difference| of the mixture's score (from log p) and of its derivative (from the score). */
    static double mixtureDerivativesVsFiniteDifferences(Mixture1d density) {
        double h = 1e-5;
        double worst = 0;
        for (double x = -4; x <= 5.5; x += 0.05) {
            double fdScore = (density.logDensity(x + h) - density.logDensity(x - h)) / (2 * h);
            double fdCurvature = (density.score(x + h) - density.score(x - h)) / (2 * h);
            worst = Math.max(worst, Math.abs(fdScore - density.score(x)));
            worst = Math.max(worst, Math.abs(fdCurvature - density.scoreDerivative(x)));
        }
        return worst;
    }

    /**
     * max |closed-form RCAE Jacobian − central finite differences of r| over random points, for a randomly initialised
     * float64 RCAE of the given width.
     */
    static double contractiveJacobianVsFiniteDifferences(int hidden, RandomGenerator rng) {
        ContractiveAutoEncoder rcae = new ContractiveAutoEncoder(2, hidden, 0.1, new Generator(rng.nextLong()), DType.FLOAT64);
        double h = 1e-6;
        double worst = 0;
        try (var ignored = Autograd.noGrad()) {
            for (int trial = 0; trial < 8; trial++) {
                double[] x = {3 * rng.nextGaussian(), 3 * rng.nextGaussian()};
                double[] jacobian = rcae.jacobian(Tensor.of(x, 1, 2)).toDoubleArray();
                for (int b = 0; b < 2; b++) {
                    double[] plus = x.clone();
                    double[] minus = x.clone();
                    plus[b] += h;
                    minus[b] -= h;
                    double[] rPlus = rcae.forward(Tensor.of(plus, 1, 2)).toDoubleArray();
                    double[] rMinus = rcae.forward(Tensor.of(minus, 1, 2)).toDoubleArray();
                    for (int a = 0; a < 2; a++) {
                        worst = Math.max(worst, Math.abs((rPlus[a] - rMinus[a]) / (2 * h) - jacobian[a * 2 + b]));
                    }
                }
            }
        }
        return worst;
    }

    /**
     * The line-integral MH sampler driven by the exact score of N(μ, diag(s²)) in 2-D: the largest deviation of the
     * sample mean from μ in units of s, and the largest relative deviation of the sample variance from s².
     */
    static double[] gaussianInvariance(int steps, RandomGenerator rng) {
        double[] mean = {1.0, -0.5};
        double[] std = {0.5, 0.8};
        ScoreLineIntegral exact = new ScoreLineIntegral(u -> {
            double[] s = new double[u.length];
            for (int i = 0; i < u.length; i++) {
                s[i] = -(u[i] - mean[i % 2]) / (std[i % 2] * std[i % 2]);
            }
            return s;
        }, 2, 10);
        MetropolisHastings mh = new MetropolisHastings(50, steps, steps / 10, 0.3);
        double[] starts = new double[100];
        for (int i = 0; i < starts.length; i++) {
            starts[i] = mean[i % 2] + std[i % 2] * rng.nextGaussian();
        }
        double[] samples = mh.sample(exact, starts, 2, rng, null).samples();
        int n = samples.length / 2;
        double meanError = 0;
        double varError = 0;
        for (int c = 0; c < 2; c++) {
            double m = 0;
            for (int i = 0; i < n; i++) {
                m += samples[2 * i + c] / n;
            }
            double v = 0;
            for (int i = 0; i < n; i++) {
                v += (samples[2 * i + c] - m) * (samples[2 * i + c] - m) / n;
            }
            meanError = Math.max(meanError, Math.abs(m - mean[c]) / std[c]);
            varError = Math.max(varError, Math.abs(v / (std[c] * std[c]) - 1));
        }
        return new double[] {meanError, varError};
    }
}
