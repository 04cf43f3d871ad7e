package org.reprolab.method.snnk;

import org.reprolab.api.ProgressCounter;

import org.reprolab.api.RunContext;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Losses;
import org.reprolab.tensor.nn.MLP;
import org.reprolab.tensor.nn.ReLU;

/**
 * Experiment B: an SNNK layer as a drop-in replacement. The SNNK-MLP (in → ReLU-SNNK(hidden, m) → linear) and the
 * ordinary MLP (in → hidden ReLU → linear) are trained by Adam on the same images with the same schedule.
 */
final class BackpropStudy {

    record Settings(int hidden, int features, int seeds, Classifier.Schedule schedule) {
    }

    /**
     * Per-seed accuracies and seconds; the parameter counts; and the smoke invariants: the largest difference
     * between outputs from precomputed and recomputed Φ, and the norm of W's gradient after one backward pass.
     */
    record Findings(double[] mlpAccuracy, double[] snnkAccuracy, double[] mlpSeconds, double[] snnkSeconds,
                    long mlpParameters, long snnkParameters, long snnkFixedParameters, double precomputedVsRecomputed,
                    double weightGradientNorm) {
    }

    private BackpropStudy() {
    }

    static Findings run(Settings s, ImageData data, RunContext ctx, ProgressCounter progress) {
        int seeds = s.seeds();
        double[] mlpAccuracy = new double[seeds];
        double[] snnkAccuracy = new double[seeds];
        double[] mlpSeconds = new double[seeds];
        double[] snnkSeconds = new double[seeds];
        long mlpParameters = 0;
        long snnkParameters = 0;
        long fixed = 0;
        double invariance = Double.NaN;
        double gradientNorm = Double.NaN;
        for (int seed = 0; seed < seeds; seed++) {
            String prefix = "B/seed-" + seed + "/";
            long start = System.nanoTime();
            MLP mlp = new MLP(new int[] {data.dim(), s.hidden(), data.classes()}, ReLU::new,
                    new Generator(ctx.random(prefix + "mlp-init").nextLong()));
            Classifier.train(mlp, mlp::forward, data.train(), data.trainLabels(), s.schedule(),
                    ctx.random(prefix + "mlp-order"), ctx, "MLP seed " + seed);
            mlpAccuracy[seed] = Classifier.accuracy(mlp::forward, data.test(), data.testLabels());
            mlpSeconds[seed] = (System.nanoTime() - start) / 1e9;
            mlpParameters = Classifier.trainableParameters(mlp);
            progress.tick("B: MLP seed " + seed + ", test accuracy " + fmt(mlpAccuracy[seed]));

            start = System.nanoTime();
            SnnkMlp snnk = new SnnkMlp(data.dim(), s.hidden(), s.features(), data.classes(),
                    new Generator(ctx.random(prefix + "snnk-init").nextLong()));
            Tensor phiTrain;
            try (var ignored = Autograd.noGrad()) {
                phiTrain = snnk.snnk().inputFeatures(data.train());
            }
            if (seed == 0) {
                gradientNorm = weightGradientNorm(snnk, phiTrain, data.trainLabels());
            }
            Classifier.train(snnk, snnk::forwardFeatures, phiTrain, data.trainLabels(), s.schedule(),
                    ctx.random(prefix + "snnk-order"), ctx, "SNNK-MLP seed " + seed);
            Tensor phiTest;
            try (var ignored = Autograd.noGrad()) {
                phiTest = snnk.snnk().inputFeatures(data.test());
            }
            snnkAccuracy[seed] = Classifier.accuracy(snnk::forwardFeatures, phiTest, data.testLabels());
            snnkSeconds[seed] = (System.nanoTime() - start) / 1e9;
            snnkParameters = Classifier.trainableParameters(snnk);
            fixed = snnk.snnk().features() * (long) data.dim();
            if (seed == 0) {
                invariance = precomputedVsRecomputed(snnk, data.test(), phiTest);
            }
            progress.tick("B: SNNK-MLP seed " + seed + ", test accuracy " + fmt(snnkAccuracy[seed]));
        }
        return new Findings(mlpAccuracy, snnkAccuracy, mlpSeconds, snnkSeconds, mlpParameters, snnkParameters, fixed,
                invariance, gradientNorm);
    }

    /** ‖∂loss/∂W‖ of the SNNK layer after one backward pass on the first batch (then cleared). */
    private static double weightGradientNorm(SnnkMlp model, Tensor phi, int[] labels) {
        int rows = Math.min(128, labels.length);
        Tensor loss = Losses.crossEntropy(model.forwardFeatures(phi.narrow(0, 0, rows)),
                Tensor.ofInts(java.util.Arrays.copyOf(labels, rows), rows));
        loss.backward();
        double norm = Math.sqrt(model.snnk().weight().grad().square().sum().item());
        model.parameters().forEach(Tensor::zeroGrad);
        return norm;
    }

    /** max |logits from Φ recomputed from x − logits from the stored Φ| over the first test inputs. */
    private static double precomputedVsRecomputed(SnnkMlp model, Tensor x, Tensor phi) {
        int rows = Math.min(256, x.size(0));
        try (var ignored = Autograd.noGrad()) {
            Tensor recomputed = model.forward(x.narrow(0, 0, rows));
            Tensor stored = model.forwardFeatures(phi.narrow(0, 0, rows));
            return recomputed.sub(stored).abs().max().item();
        }
    }

    private static String fmt(double v) {
        return org.reprolab.api.ClaimCheck.format(v);
    }
}
