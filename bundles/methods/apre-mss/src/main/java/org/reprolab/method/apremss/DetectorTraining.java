package org.reprolab.method.apremss;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.reprolab.api.RunContext;
import org.reprolab.autoencoders.common.RocAuc;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.optim.Adam;

/**
 * Trains one AE or PAE from one random initialisation, full-batch with Adam, unsupervised on the whole pool (its
 * outliers included), and at every checkpoint scores the validation and test points with each of the model's scores.
 * Only validation AUCs may choose among the resulting candidates (see {@link ModelSelection}).
 */
final class DetectorTraining {

    /** Training settings shared by every model of a run. */
    record Settings(int epochs, int checkEvery, double learningRate) {
    }

    /**
     * One (score, initialisation, epoch) and its AUC in every view, on validation and on test.
     *
     * @param testScores the test points' scores (for histograms)
     */
    record Candidate(Scorer scorer, int init, int epoch, double[] validationAuc, double[] testAuc, double[] testScores) {
    }

    /**
     * The candidates of one training, its loss after the first and the last epoch, the test reconstructions at every
     * checkpoint (if kept) and the smallest predicted variance seen (+∞ for the plain AE).
     */
    record Outcome(List<Candidate> candidates, double initialLoss, double finalLoss, List<float[][]> testMeans,
                   double minVariance) {
    }

    private DetectorTraining() {
    }

    /**
     * Trains and evaluates. {@code scorers} must all read this model kind; {@code keepTestMeans} keeps the test points'
     * reconstruction at every checkpoint (for the figures).
     */
    static Outcome run(DetectionSplit split, ScoringTargets targets, List<OutlierDataset.View> views, boolean probabilistic,
                       List<Scorer> scorers, int init, long seed, Settings settings, boolean keepTestMeans, RunContext ctx) {
        for (Scorer s : scorers) {
            if (s.probabilistic() != probabilistic) {
                throw new IllegalArgumentException(s + " does not read a " + (probabilistic ? "PAE" : "plain AE"));
            }
        }
        int d = split.pool()[0].length;
        ReconstructionNet net = new ReconstructionNet(d, probabilistic, new Generator(seed));
        Adam adam = new Adam(net.parameters(), settings.learningRate());
        Tensor pool = toTensor(split.pool());
        ViewMasks masks = new ViewMasks(views, targets);
        List<Candidate> candidates = new ArrayList<>();
        List<float[][]> testMeans = new ArrayList<>();
        double initial = Double.NaN;
        double last = Double.NaN;
        double minVariance = Double.POSITIVE_INFINITY;
        for (int epoch = 1; epoch <= settings.epochs(); epoch++) {
            adam.zeroGrad();
            Tensor loss = net.trainingLoss(pool);
            loss.backward();
            adam.step();
            last = loss.item();
            if (epoch == 1) {
                initial = last;
            }
            if (!Double.isFinite(last)) {
                throw new IllegalStateException((probabilistic ? "PAE" : "AE") + " training diverged at epoch " + epoch
                        + " (loss " + last + ")");
            }
            if (epoch % settings.checkEvery() == 0 || epoch == settings.epochs()) {
                ctx.checkCancelled();
                Evaluation e = evaluate(net, targets);
                minVariance = Math.min(minVariance, e.minVariance());
                for (Scorer s : scorers) {
                    double[] scores = e.scores(s, targets.target(s));
                    candidates.add(new Candidate(s, init, epoch, masks.auc(scores, true), masks.auc(scores, false),
                            Arrays.copyOfRange(scores, targets.validationCount(), scores.length)));
                }
                if (keepTestMeans) {
                    testMeans.add(Arrays.copyOfRange(e.mean, targets.validationCount(), e.mean.length));
                }
            }
        }
        return new Outcome(candidates, initial, last, testMeans, minVariance);
    }

    /** The network's reconstruction of the evaluated points, as arrays. */
    private record Evaluation(float[][] mean, float[][] variance) {

        double[] scores(Scorer s, double[][] target) {
            return s.probabilistic() ? ReconstructionScores.apre(target, mean, variance, s.alpha(), s.beta())
                    : ReconstructionScores.squaredError(target, mean);
        }

        double minVariance() {
            double min = Double.POSITIVE_INFINITY;
            if (variance != null) {
                for (float[] row : variance) {
                    for (float v : row) {
                        min = Math.min(min, v);
                    }
                }
            }
            return min;
        }
    }

    private static Evaluation evaluate(ReconstructionNet net, ScoringTargets targets) {
        try (var ignored = Autograd.noGrad()) {
            ReconstructionNet.Output o = net.reconstruct(targets.input());
            return new Evaluation(rows(o.mean()), o.variance() == null ? null : rows(o.variance()));
        }
    }

    private static float[][] rows(Tensor t) {
        float[] flat = t.contiguous().toFloatArray();
        int n = t.size(0);
        int d = t.size(1);
        float[][] out = new float[n][];
        for (int i = 0; i < n; i++) {
            out[i] = Arrays.copyOfRange(flat, i * d, (i + 1) * d);
        }
        return out;
    }

    static Tensor toTensor(double[][] x) {
        int d = x[0].length;
        float[] flat = new float[x.length * d];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < d; j++) {
                flat[i * d + j] = (float) x[i][j];
            }
        }
        return Tensor.of(flat, x.length, d);
    }

    /** Which evaluated points each view uses, on validation and on test, and their labels. */
    static final class ViewMasks {
        private final int views;
        private final int[][] valIdx;
        private final boolean[][] valPositive;
        private final int[][] testIdx;
        private final boolean[][] testPositive;

        ViewMasks(List<OutlierDataset.View> views, ScoringTargets targets) {
            this.views = views.size();
            valIdx = new int[this.views][];
            valPositive = new boolean[this.views][];
            testIdx = new int[this.views][];
            testPositive = new boolean[this.views][];
            int[] group = targets.group();
            int nVal = targets.validationCount();
            for (int v = 0; v < this.views; v++) {
                OutlierDataset.View view = views.get(v);
                List<Integer> val = new ArrayList<>();
                List<Integer> test = new ArrayList<>();
                for (int i = 0; i < group.length; i++) {
                    if (view.includes(group[i])) {
                        (i < nVal ? val : test).add(i);
                    }
                }
                valIdx[v] = val.stream().mapToInt(Integer::intValue).toArray();
                testIdx[v] = test.stream().mapToInt(Integer::intValue).toArray();
                valPositive[v] = positives(valIdx[v], group);
                testPositive[v] = positives(testIdx[v], group);
            }
        }

        /** AUC per view on the validation (or test) points of that view. */
        double[] auc(double[] scores, boolean validation) {
            double[] out = new double[views];
            for (int v = 0; v < views; v++) {
                int[] idx = validation ? valIdx[v] : testIdx[v];
                double[] s = new double[idx.length];
                for (int i = 0; i < idx.length; i++) {
                    s[i] = scores[idx[i]];
                }
                out[v] = RocAuc.of(s, validation ? valPositive[v] : testPositive[v]);
            }
            return out;
        }

        private static boolean[] positives(int[] idx, int[] group) {
            boolean[] p = new boolean[idx.length];
            for (int i = 0; i < idx.length; i++) {
                p[i] = group[idx[i]] != 0;
            }
            return p;
        }
    }
}
