package org.reprolab.method.posteriorcollapse;

import org.reprolab.api.ProgressCounter;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.reprolab.api.ImageGrid;
import org.reprolab.api.RunContext;
import org.reprolab.autoencoders.common.ActiveUnits;
import org.reprolab.autoencoders.common.GaussianKl;
import org.reprolab.autoencoders.common.GaussianLatents;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledImages;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

/**
 * Part C: ReLU models. (1) Per Fashion-MNIST class, a ReLU CVAE predicting three quarters of an image from the
 * fourth, beside the linear theory's active count from that class's residual covariance, with η_dec calibrated once
 * on the pooled training set; (2) a ReLU CVAE on the isotropic synthetic pairs (c) as x decouples from y; (3) a ReLU
 * MHVAE on whole images with learnable vs fixed Σ₂.
 */
final class NonlinearStudy {

    record Settings(int latents, int width, double beta, double etaEnc, int targetActive, int perClassTrain, int perClassTest,
                    int epochs, int batch, double lr, int synthN, int synthTest, int synthDims, double synthEtaDec,
                    double[] couplings, int synthEpochs, int mhvaeImages, int mhvaeTest, int mhvaeLatents, int mhvaeEpochs,
                    double mhvaeEtaDec, double fixedSigma2, double[] beta2s) {
    }

    /** Per class: the theory's count and the ReLU CVAE's active units. */
    record FashionFindings(double etaDec, int pooledPredicted, double[] pooledTheta, int[] theory, int[] measured,
                           double spearman, ImageGrid reconstructions) {
    }

    /** Per coupling c (0 = x random … 1 = x = y): the ReLU CVAE's active units. */
    record SyntheticFindings(double[] couplings, int[] measured) {
    }

    /** Per β₂: active z₂ units with learnable and with fixed Σ₂ (and the raw KL counts). */
    record HierarchyFindings(double[] beta2s, int[] learnable, int[] fixed, int[] fixedRawKl, double[] finalLoss) {
    }

    record Findings(FashionFindings fashion, SyntheticFindings synthetic, HierarchyFindings hierarchy) {
    }

    private NonlinearStudy() {
    }

    static Findings run(Settings s, FashionMnist dataset, RunContext ctx, ProgressCounter progress) {
        LabeledImages train = dataset.load(FashionMnist.Split.TRAIN);
        LabeledImages test = dataset.load(FashionMnist.Split.TEST);
        FashionFindings fashion = fashion(s, train, test, ctx, progress);
        SyntheticFindings synthetic = synthetic(s, ctx, progress);
        HierarchyFindings hierarchy = hierarchy(s, train, test, ctx, progress);
        return new Findings(fashion, synthetic, hierarchy);
    }

    // ---- (1) per-class Fashion-MNIST CVAEs ----------------------------------------------------------------------

    private static FashionFindings fashion(Settings s, LabeledImages train, LabeledImages test, RunContext ctx, ProgressCounter progress) {
        int classes = train.classes();
        RandomGenerator pick = ctx.random("c/fmnist-subsets");
        int[][] trainRows = new int[classes][];
        int[][] testRows = new int[classes][];
        for (int c = 0; c < classes; c++) {
            trainRows[c] = subset(ofClass(train.labels(), c), s.perClassTrain(), pick);
            testRows[c] = head(ofClass(test.labels(), c), s.perClassTest());
        }
        int[] pooled = Arrays.stream(trainRows).flatMapToInt(Arrays::stream).toArray();
        PairedData pooledData = FashionQuarters.split(train.pixels(), pooled);
        double[] pooledTheta = Linalg.symmetricEigenvalues(Linalg.residualCovariance(pooledData.x(), pooledData.y()));
        // η_dec² between θ_k and θ_{k+1} (geometric mean): then exactly k = targetActive latents are predicted active
        int k = s.targetActive();
        double etaDec = Math.sqrt(Math.sqrt(pooledTheta[k - 1] * pooledTheta[k]) / s.beta());
        int pooledPredicted = new CvaeTheory(pooledTheta, null, s.beta(), etaDec, s.etaEnc(), s.latents()).predictedActive();
        ctx.log().info("C: η_dec = {} puts βη_dec² between θ_{} = {} and θ_{} = {} of the pooled residual spectrum", etaDec, k,
                pooledTheta[k - 1], k + 1, pooledTheta[k]);

        int[] theory = new int[classes];
        int[] measured = new int[classes];
        ReluCvae[] models = new ReluCvae[classes];
        for (int c = 0; c < classes; c++) {
            PairedData data = FashionQuarters.split(train.pixels(), trainRows[c]);
            double[] theta = Linalg.symmetricEigenvalues(Linalg.residualCovariance(data.x(), data.y()));
            theory[c] = new CvaeTheory(theta, null, s.beta(), etaDec, s.etaEnc(), s.latents()).predictedActive();
            Generator gen = new Generator(ctx.random("c/fmnist/class=" + c).nextLong());
            models[c] = new ReluCvae(FashionQuarters.X_PIXELS, FashionQuarters.Y_PIXELS, s.latents(), s.width(), gen);
            ReluCvae model = models[c];
            Trainer.train(model.parameters(), s.lr(), data.size(), s.batch(), Trainer.steps(s.epochs(), data.size(), s.batch()),
                    ctx.random("c/fmnist/class=" + c + "/batches"), ctx, rows -> {
                        PairedData b = data.rows(rows);
                        return model.terms(b.x(), b.y(), s.etaEnc(), gen).loss(s.beta(), etaDec);
                    });
            measured[c] = activeUnits(model, FashionQuarters.split(test.pixels(), testRows[c]), s.etaEnc());
            progress.tick("C: class " + FashionMnist.CLASS_NAMES.get(c) + ": theory " + theory[c] + ", ReLU CVAE " + measured[c]);
        }
        double rho = Spearman.of(toDouble(theory), toDouble(measured));
        ImageGrid grid = reconstructions(models, measured, test, testRows, etaDec, s, ctx);
        return new FashionFindings(etaDec, pooledPredicted, pooledTheta, theory, measured, rho, grid);
    }

    static int activeUnits(Cvae model, PairedData data, double etaEnc) {
        try (var g = Autograd.noGrad()) {
            Posterior q = model.encode(data.x(), data.y());
            return ActiveUnits.count(GaussianLatents.perDimension(q.kl(etaEnc * etaEnc)));
        }
    }

    /**
     * For the class with the fewest and the one with the most active units: four held-out images, each as the
     * original, the reconstruction from the posterior mean, and y generated from x with z drawn from the prior.
     */
    private static ImageGrid reconstructions(ReluCvae[] models, int[] measured, LabeledImages test, int[][] testRows, double etaDec,
                                             Settings s, RunContext ctx) {
        int few = 0;
        int many = 0;
        for (int c = 1; c < measured.length; c++) {
            few = measured[c] < measured[few] ? c : few;
            many = measured[c] > measured[many] ? c : many;
        }
        List<float[]> images = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        Generator gen = new Generator(ctx.random("c/fmnist/prior-samples").nextLong());
        for (int c : new int[] {few, many}) {
            int[] rows = Arrays.copyOf(testRows[c], Math.min(4, testRows[c].length));
            PairedData data = FashionQuarters.split(test.pixels(), rows);
            float[] x = data.x().toFloatArray();
            float[] y = data.y().toFloatArray();
            float[] recon;
            float[] prior;
            try (var g = Autograd.noGrad()) {
                Posterior q = models[c].encode(data.x(), data.y());
                recon = models[c].decode(q.mean(), data.x()).toFloatArray();
                prior = models[c].decode(gen.randn(rows.length, s.latents()).mul(s.etaEnc()), data.x()).toFloatArray();
            }
            String name = FashionMnist.CLASS_NAMES.get(c) + " (" + measured[c] + " active)";
            for (int i = 0; i < rows.length; i++) {
                int xo = i * FashionQuarters.X_PIXELS;
                int yo = i * FashionQuarters.Y_PIXELS;
                float[] xi = Arrays.copyOfRange(x, xo, xo + FashionQuarters.X_PIXELS);
                images.add(FashionQuarters.compose(xi, Arrays.copyOfRange(y, yo, yo + FashionQuarters.Y_PIXELS)));
                images.add(FashionQuarters.compose(xi, Arrays.copyOfRange(recon, yo, yo + FashionQuarters.Y_PIXELS)));
                images.add(FashionQuarters.compose(xi, Arrays.copyOfRange(prior, yo, yo + FashionQuarters.Y_PIXELS)));
                labels.add(name + ": original");
                labels.add("posterior reconstruction");
                labels.add("y from x, z ~ prior");
            }
        }
        return new ImageGrid("fmnist-reconstructions", "original | reconstruction | prior sample given x (η_dec = "
                + String.format(java.util.Locale.ROOT, "%.3f", etaDec) + ")", FashionQuarters.SIDE, FashionQuarters.SIDE, 1, 3, images, labels);
    }

    // ---- (2) synthetic isotropic pairs ---------------------------------------------------------------------------

    private static SyntheticFindings synthetic(Settings s, RunContext ctx, ProgressCounter progress) {
        double[] cs = s.couplings();
        int[] measured = new int[cs.length];
        for (int k = 0; k < cs.length; k++) {
            String stream = "c/synthetic/c=" + cs[k];
            Generator gen = new Generator(ctx.random(stream).nextLong());
            PairedData data = PairedData.isotropic(s.synthN(), s.synthDims(), cs[k], gen);
            PairedData held = PairedData.isotropic(s.synthTest(), s.synthDims(), cs[k], gen);
            ReluCvae model = new ReluCvae(s.synthDims(), s.synthDims(), s.latents(), s.width(), gen);
            Trainer.train(model.parameters(), s.lr(), data.size(), s.batch(), Trainer.steps(s.synthEpochs(), data.size(), s.batch()),
                    ctx.random(stream + "/batches"), ctx, rows -> {
                        PairedData b = data.rows(rows);
                        return model.terms(b.x(), b.y(), s.etaEnc(), gen).loss(s.beta(), s.synthEtaDec());
                    });
            measured[k] = activeUnits(model, held, s.etaEnc());
            progress.tick("C: synthetic (c), x = " + cs[k] + "·y + noise: " + measured[k] + " active");
        }
        return new SyntheticFindings(cs, measured);
    }

    // ---- (3) ReLU MHVAE ---------------------------------------------------------------------------------------------

    private static HierarchyFindings hierarchy(Settings s, LabeledImages train, LabeledImages test, RunContext ctx, ProgressCounter progress) {
        int[] rows = subset(range(train.size()), s.mhvaeImages(), ctx.random("c/mhvae/subset"));
        Tensor x = images(train.pixels(), rows);
        Tensor held = images(test.pixels(), head(range(test.size()), s.mhvaeTest()));
        double[] b2 = s.beta2s();
        int[] learnable = new int[b2.length];
        int[] fixed = new int[b2.length];
        int[] fixedRaw = new int[b2.length];
        double[] finalLoss = new double[2 * b2.length];
        int d = x.size(1);
        double e2 = s.etaEnc() * s.etaEnc();
        double floor = GaussianKl.of(0, s.fixedSigma2() * s.fixedSigma2(), 0, e2);
        for (int k = 0; k < b2.length; k++) {
            for (boolean learn : new boolean[] {true, false}) {
                String stream = "c/mhvae/beta2=" + b2[k] + "/" + (learn ? "learnable" : "fixed");
                Generator gen = new Generator(ctx.random(stream).nextLong());
                ReluMhvae model = new ReluMhvae(d, s.mhvaeLatents(), s.mhvaeLatents(), learn ? Double.NaN : s.fixedSigma2(), gen);
                double beta2 = b2[k];
                double[] curve = Trainer.train(model.parameters(), s.lr(), x.size(0), s.batch(),
                        Trainer.steps(s.mhvaeEpochs(), x.size(0), s.batch()), ctx.random(stream + "/batches"), ctx,
                        r -> model.terms(x.indexSelect(0, Tensor.ofInts(r)), 1, beta2, s.mhvaeEtaDec(), s.etaEnc(), gen).loss());
                finalLoss[2 * k + (learn ? 0 : 1)] = Trainer.mean(curve, Math.max(0, curve.length - 20), 20);
                double[] kl;
                try (var g = Autograd.noGrad()) {
                    kl = GaussianLatents.perDimension(model.terms(held, 1, beta2, s.mhvaeEtaDec(), s.etaEnc(), gen).klLevel2());
                }
                if (learn) {
                    learnable[k] = ActiveUnits.count(kl);
                } else {
                    fixedRaw[k] = ActiveUnits.count(kl);
                    double[] excess = kl.clone();
                    for (int j = 0; j < excess.length; j++) {
                        excess[j] -= floor;   // the KL a fixed Σ₂ pays whatever the unit carries
                    }
                    fixed[k] = ActiveUnits.count(excess);
                }
                progress.tick("C: ReLU MHVAE β₂ = " + beta2 + ", Σ₂ " + (learn ? "learnable: " + learnable[k] : "fixed: " + fixed[k])
                        + " active z₂");
            }
        }
        return new HierarchyFindings(b2, learnable, fixed, fixedRaw, finalLoss);
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private static Tensor images(float[][] pixels, int[] rows) {
        int d = pixels[0].length;
        float[] flat = new float[rows.length * d];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(pixels[rows[i]], 0, flat, i * d, d);
        }
        return Tensor.of(flat, rows.length, d);
    }

    private static int[] ofClass(int[] labels, int c) {
        return java.util.stream.IntStream.range(0, labels.length).filter(i -> labels[i] == c).toArray();
    }

    private static int[] range(int n) {
        return java.util.stream.IntStream.range(0, n).toArray();
    }

    private static int[] head(int[] v, int k) {
        if (k > v.length) {
            throw new IllegalArgumentException("asked for " + k + " images, only " + v.length + " available");
        }
        return Arrays.copyOf(v, k);
    }

    /** k entries of a uniformly random permutation of the pool, in pool order. */
    static int[] subset(int[] pool, int k, RandomGenerator rng) {
        if (k > pool.length) {
            throw new IllegalArgumentException("asked for " + k + " images, only " + pool.length + " available");
        }
        int[] p = pool.clone();
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(p.length - i);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        int[] out = Arrays.copyOf(p, k);
        Arrays.sort(out);
        return out;
    }

    private static double[] toDouble(int[] v) {
        return Arrays.stream(v).asDoubleStream().toArray();
    }
}
