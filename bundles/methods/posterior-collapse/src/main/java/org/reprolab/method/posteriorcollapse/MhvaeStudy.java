package org.reprolab.method.posteriorcollapse;

import org.reprolab.api.ProgressCounter;

import java.util.ArrayList;
import java.util.List;
import org.reprolab.api.RunContext;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/**
 * Part B: the linear MHVAE on a 4-D Gaussian with standard deviations θ, over the (β₂, η_dec) grid, with learnable
 * and with fixed Σ₂: the analytic optimum (L-BFGS, best of several random starts) and an Adam-trained model.
 */
final class MhvaeStudy {

    record Settings(double[] theta, double sigma1, double fixedSigma2, double beta1, double[] beta2s, double[] etaDecs,
                    double etaEnc, int restarts, int n, int steps, int batch, double lr, double cut, int monteCarlo) {
    }

    /** One (β₂, η_dec, Σ₂) cell: analytic and SGD active z₂ counts (singular values of U₂ above the cut). */
    record Cell(double beta2, double etaDec, boolean learnable, MhvaeAnalytic.Optimum optimum, int analyticActive,
                int sgdActive, double[] sgdSingular) {
    }

    /** The cells, and the Monte-Carlo check of the sampled loss against the closed form. */
    record Findings(List<Cell> cells, double analyticElbo, double monteCarloElbo, double monteCarloStandardError) {
        Cell cell(double beta2, double etaDec, boolean learnable) {
            return cells.stream().filter(c -> c.beta2() == beta2 && c.etaDec() == etaDec && c.learnable() == learnable)
                    .findFirst().orElseThrow();
        }
    }

    private MhvaeStudy() {
    }

    static Findings run(Settings s, RunContext ctx, ProgressCounter progress) {
        List<Cell> cells = new ArrayList<>();
        double[] check = null;
        for (double etaDec : s.etaDecs()) {
            for (double beta2 : s.beta2s()) {
                for (boolean learnable : new boolean[] {true, false}) {
                    String stream = "b/beta2=" + beta2 + "/eta=" + etaDec + "/" + (learnable ? "learnable" : "fixed");
                    MhvaeAnalytic.Settings a = settings(s, beta2, etaDec, learnable);
                    MhvaeAnalytic analytic = new MhvaeAnalytic(a);
                    MhvaeAnalytic.Optimum opt = analytic.minimise(s.restarts(), ctx.random(stream + "/starts"));
                    if (check == null) {
                        check = monteCarlo(s, a, analytic, opt, ctx);
                    }
                    double[] sgd = trainSgd(s, a, ctx, stream);
                    cells.add(new Cell(beta2, etaDec, learnable, opt, opt.activeLevel2(s.cut()), count(sgd, s.cut()), sgd));
                    progress.tick("B: β₂ = " + beta2 + ", η_dec = " + etaDec + ", Σ₂ " + (learnable ? "learnable" : "fixed")
                            + ": active z₂ analytic " + opt.activeLevel2(s.cut()) + ", SGD " + count(sgd, s.cut()));
                }
            }
        }
        return new Findings(cells, check[0], check[1], check[2]);
    }

    static MhvaeAnalytic.Settings settings(Settings s, double beta2, double etaDec, boolean learnable) {
        int d = s.theta().length;
        return new MhvaeAnalytic.Settings(s.theta(), d, d, s.sigma1(), learnable ? Double.NaN : s.fixedSigma2(), s.beta1(), beta2,
                etaDec, s.etaEnc());
    }

    /** Data x = Z·ξ with Z = diag(θ), n rows. */
    static Tensor data(double[] theta, int n, Generator gen) {
        return gen.randn(n, theta.length).mul(Tensor.of(theta).to(org.reprolab.tensor.backend.DType.FLOAT32));
    }

    /** {analytic negative ELBO, Monte-Carlo mean, its standard error} at the optimum, over fresh samples. */
    private static double[] monteCarlo(Settings s, MhvaeAnalytic.Settings a, MhvaeAnalytic analytic, MhvaeAnalytic.Optimum opt,
                                       RunContext ctx) {
        Generator gen = new Generator(ctx.random("b/monte-carlo").nextLong());
        LinearMhvae model = new LinearMhvae(a.d(), a.d1(), a.d2(), a.sigma1(), a.sigma2(), gen);
        model.set(opt.params(), s.theta());
        int chunks = 10;
        int per = Math.max(1, s.monteCarlo() / chunks);
        double[] means = new double[chunks];
        try (var g = Autograd.noGrad()) {
            for (int k = 0; k < chunks; k++) {
                Tensor x = data(s.theta(), per, gen);
                means[k] = model.terms(x, a.beta1(), a.beta2(), a.etaDec(), a.etaEnc(), gen).loss().item();
            }
        }
        double mean = 0;
        for (double m : means) {
            mean += m / chunks;
        }
        double var = 0;
        for (double m : means) {
            var += (m - mean) * (m - mean) / (chunks - 1);
        }
        return new double[] {analytic.negativeElbo(opt.flat()), mean, Math.sqrt(var / chunks)};
    }

    /** Trains the sampled model with Adam and returns U₂'s singular values. */
    private static double[] trainSgd(Settings s, MhvaeAnalytic.Settings a, RunContext ctx, String stream) {
        Generator gen = new Generator(ctx.random(stream + "/sgd").nextLong());
        Tensor x = data(s.theta(), s.n(), gen);
        LinearMhvae model = new LinearMhvae(a.d(), a.d1(), a.d2(), a.sigma1(), a.sigma2(), gen);
        Trainer.train(model.parameters(), s.lr(), s.n(), s.batch(), s.steps(), ctx.random(stream + "/batches"), ctx,
                rows -> model.terms(x.indexSelect(0, Tensor.ofInts(rows)), a.beta1(), a.beta2(), a.etaDec(), a.etaEnc(), gen).loss());
        return Linalg.singularValues(model.u2Weight());
    }

    private static int count(double[] singular, double cut) {
        int n = 0;
        for (double v : singular) {
            n += v > cut ? 1 : 0;
        }
        return n;
    }
}
