package org.reprolab.method.posteriorcollapse;

import org.reprolab.api.ProgressCounter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.reprolab.api.RunContext;
import org.reprolab.autoencoders.common.ActiveUnits;
import org.reprolab.autoencoders.common.GaussianLatents;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/**
 * Part A: linear CVAEs trained by the reparameterised β-ELBO on synthetic (a), beside the closed-form theory computed
 * from the same data's residual covariance, over a ρ sweep (β = 1) and a β sweep (ρ = ρ_β).
 */
final class LinearCvaeStudy {

    record Settings(int n, int dims, int latents, double etaEnc, double etaDec, double[] rhos, double[] betas,
                    double betaSweepRho, int steps, int batch, double lr, int seeds) {
    }

    /** One (ρ, β) cell: the theory and, per seed, the measured active count and U₁'s singular values. */
    record Cell(double rho, double beta, CvaeTheory theory, int[] measured, double[][] singular, double[] firstLoss,
                double[] lastLoss, double[] lastKlChange, double minKl) {
        double measuredMean() {
            double s = 0;
            for (int m : measured) {
                s += m;
            }
            return s / measured.length;
        }
    }

    /** The cells by (ρ, β) and the closed-form checks. */
    record Findings(Map<String, Cell> cells, double psdMinEigen, double asymmetry, double klAnalytic, double klSampled,
                    double klStandardError, double collapsedVarianceError, double collapsedOmega) {
        Cell cell(double rho, double beta) {
            return cells.get(key(rho, beta));
        }
    }

    static String key(double rho, double beta) {
        return rho + "/" + beta;
    }

    private LinearCvaeStudy() {
    }

    static Findings run(Settings s, RunContext ctx, ProgressCounter progress) {
        Map<String, Cell> cells = new LinkedHashMap<>();
        List<double[]> grid = new ArrayList<>();
        for (double rho : s.rhos()) {
            grid.add(new double[] {rho, 1});
        }
        for (double beta : s.betas()) {
            grid.add(new double[] {s.betaSweepRho(), beta});
        }
        double minEigen = Double.POSITIVE_INFINITY;
        double asym = 0;
        for (double[] g : grid) {
            if (cells.containsKey(key(g[0], g[1]))) {
                continue;
            }
            Cell cell = cell(s, g[0], g[1], ctx, progress);
            cells.put(key(g[0], g[1]), cell);
        }
        // E's symmetry and PSD-ness, on the ρ = ρ_β data
        PairedData data = PairedData.anisotropic(s.n(), s.dims(), s.betaSweepRho(), new Generator(ctx.random("a/check-data").nextLong()));
        DMatrixRMaj e = Linalg.residualCovariance(data.x(), data.y());
        for (int i = 0; i < e.numRows; i++) {
            for (int j = 0; j < e.numCols; j++) {
                asym = Math.max(asym, Math.abs(e.get(i, j) - e.get(j, i)));
            }
        }
        for (double v : Linalg.symmetricEigenvalues(e)) {
            minEigen = Math.min(minEigen, v);
        }
        return closedFormChecks(s, ctx, cells, minEigen, asym);
    }

    private static Cell cell(Settings s, double rho, double beta, RunContext ctx, ProgressCounter progress) {
        int[] measured = new int[s.seeds()];
        double[][] singular = new double[s.seeds()][];
        double[] first = new double[s.seeds()];
        double[] last = new double[s.seeds()];
        double[] klChange = new double[s.seeds()];
        double minKl = Double.POSITIVE_INFINITY;
        CvaeTheory theory = null;
        for (int seed = 0; seed < s.seeds(); seed++) {
            String stream = "a/rho=" + rho + "/beta=" + beta + "/seed=" + seed;
            PairedData data = PairedData.anisotropic(s.n(), s.dims(), rho, new Generator(ctx.random(stream + "/data").nextLong()));
            CvaeTheory t = CvaeTheory.of(Linalg.residualCovariance(data.x(), data.y()), beta, s.etaDec(), s.etaEnc(), s.latents());
            theory = theory == null ? t : theory;
            Generator gen = new Generator(ctx.random(stream + "/model").nextLong());
            LinearCvae model = new LinearCvae(s.dims(), s.dims(), s.latents(), gen);
            double[] klCurve = new double[s.steps()];
            int[] step = {0};
            double[] curve = Trainer.train(model.parameters(), s.lr(), s.n(), s.batch(), s.steps(), ctx.random(stream + "/batches"), ctx,
                    rows -> {
                        PairedData b = data.rows(rows);
                        Cvae.Terms terms = model.terms(b.x(), b.y(), s.etaEnc(), gen);
                        Tensor loss = terms.loss(beta, s.etaDec());
                        klCurve[step[0]++] = terms.kl().sum(1).mean().item();
                        return loss;
                    });
            first[seed] = Trainer.mean(curve, 0, 20);
            last[seed] = Trainer.mean(curve, curve.length - Math.min(20, curve.length), 20);
            int tenth = Math.max(1, s.steps() / 10);
            double klLate = Trainer.mean(klCurve, s.steps() - tenth, tenth);
            double klEarlier = Trainer.mean(klCurve, Math.max(0, s.steps() - 2 * tenth), tenth);
            klChange[seed] = Math.abs(klLate - klEarlier) / Math.max(1e-9, Math.abs(klLate));
            double[] kl;
            try (var g = Autograd.noGrad()) {
                Posterior q = model.encode(data.x(), data.y());
                kl = GaussianLatents.perDimension(q.kl(s.etaEnc() * s.etaEnc()));
            }
            for (double v : kl) {
                minKl = Math.min(minKl, v);
            }
            measured[seed] = ActiveUnits.count(kl);
            singular[seed] = Linalg.singularValues(model.decoderWeight());
            ctx.metric("a.activeUnits.rho" + rho + ".beta" + beta, seed, measured[seed]);
            progress.tick("A: ρ = " + rho + ", β = " + beta + ", seed " + seed + ": " + measured[seed] + " active (theory "
                    + t.predictedActive() + ")");
        }
        return new Cell(rho, beta, theory, measured, singular, first, last, klChange, minKl);
    }

    /**
     * The closed form at ρ = ρ_β, β = 1 from the population spectrum (diagonal E with θ_i known): its analytic KL vs
     * the KL term of the model set to it, averaged over fresh data; and its collapsed latents.
     */
    private static Findings closedFormChecks(Settings s, RunContext ctx, Map<String, Cell> cells, double minEigen, double asym) {
        double rho = s.betaSweepRho();
        int dims = s.dims();
        DMatrixRMaj e = new DMatrixRMaj(dims, dims);
        DMatrixRMaj b = new DMatrixRMaj(dims, dims);
        for (int i = 0; i < dims; i++) {
            double s2 = PairedData.anisotropicVariance(i);
            e.set(i, i, PairedData.anisotropicTheta(i, rho));
            b.set(i, i, rho * s2 / (rho * rho * s2 + 1 - rho * rho));   // Cov(y_i, x_i) / Var(x_i)
        }
        CvaeTheory theory = CvaeTheory.of(e, 1, s.etaDec(), s.etaEnc(), s.latents());
        Generator gen = new Generator(ctx.random("a/closed-form").nextLong());
        LinearCvae model = new LinearCvae(dims, dims, s.latents(), gen);
        model.setOptimum(theory, b);
        PairedData fresh = PairedData.anisotropic(s.n(), dims, rho, gen);
        double mean;
        double se;
        try (var g = Autograd.noGrad()) {
            double[] perExample = model.terms(fresh.x(), fresh.y(), s.etaEnc(), gen).kl().sum(1).to(org.reprolab.tensor.backend.DType.FLOAT64).toDoubleArray();
            double sum = 0;
            double sq = 0;
            for (double v : perExample) {
                sum += v;
                sq += v * v;
            }
            mean = sum / perExample.length;
            se = Math.sqrt(Math.max(0, sq / perExample.length - mean * mean) / perExample.length);
        }
        double varErr = 0;
        double omega = 0;
        double[] learnedLogVar;
        double[] columnNorms = columnNorms(model.decoderWeight());
        try (var g = Autograd.noGrad()) {
            learnedLogVar = model.namedParameters().get("logVariance").toDoubleArray();
        }
        for (int i = 0; i < s.latents(); i++) {
            if (!theory.active(i)) {
                varErr = Math.max(varErr, Math.abs(Math.exp(learnedLogVar[i]) - s.etaEnc() * s.etaEnc()));
                omega = Math.max(omega, Math.max(theory.omega(i), columnNorms[i]));
            }
        }
        return new Findings(cells, minEigen, asym, theory.expectedKl(), mean, se, varErr, omega);
    }

    private static double[] columnNorms(Tensor w) {
        try (var g = Autograd.noGrad()) {
            return w.detach().square().sum(0).sqrt().toDoubleArray();
        }
    }
}
