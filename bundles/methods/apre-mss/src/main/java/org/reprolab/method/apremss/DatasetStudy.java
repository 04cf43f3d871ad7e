package org.reprolab.method.apremss;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.api.RunContext;

/**
 * One data split of one dataset, end to end: split and standardise, mean-shift the evaluated points for every (k, t),
 * train the AE and the PAE from several initialisations, select every score's epoch, k and initialisation on
 * validation AUC, and read off test AUCs next to the k-NN and PCA baselines.
 */
final class DatasetStudy {

    /** Everything a study needs besides the data. */
    record Settings(int[] ks, int rounds, int inits, double alpha, double beta, List<double[]> sweep, int knnK,
                    double pcaShare) {

        /** The APRE weight pairs scored: the sweep, the paper's PRE (1, 1) and the scoring default (α, β). */
        List<double[]> weightPairs() {
            List<double[]> pairs = new ArrayList<>(sweep);
            for (double[] must : List.of(new double[] {1, 1}, new double[] {alpha, beta})) {
                if (pairs.stream().noneMatch(p -> p[0] == must[0] && p[1] == must[1])) {
                    pairs.add(must);
                }
            }
            return pairs;
        }
    }

    /**
     * The test AUC of every reported method in every view ({@code auc.get(view).get(method)}), the candidates (for the
     * figures) and the training-loss checks.
     */
    record Outcome(OutlierDataset data, DetectionSplit split, ScoringTargets targets, Map<String, Map<String, Double>> auc,
                   List<DetectorTraining.Candidate> candidates, List<float[][]> aeTestMeans, double minLossDrop,
                   double minVariance) {
    }

    private DatasetStudy() {
    }

    static Outcome run(OutlierDataset data, DetectionSplit split, Settings s, DetectorTraining.Settings training,
                       long seed, boolean keepReconstructions, RunContext ctx, Runnable tick) {
        ScoringTargets targets = new ScoringTargets(split, s.ks(), s.rounds());
        List<Scorer> aeScorers = new ArrayList<>(List.of(Scorer.mse()));
        List<Scorer> paeScorers = new ArrayList<>();
        for (double[] p : s.weightPairs()) {
            paeScorers.add(Scorer.apre(p[0], p[1]));
        }
        for (int t = 1; t <= s.rounds(); t++) {
            for (int k : s.ks()) {
                aeScorers.add(Scorer.mssMse(t, k));
                paeScorers.add(Scorer.mssApre(s.alpha(), s.beta(), t, k));
            }
        }
        List<DetectorTraining.Candidate> candidates = new ArrayList<>();
        List<float[][]> aeMeans = new ArrayList<>();
        double minDrop = Double.POSITIVE_INFINITY;
        double minVariance = Double.POSITIVE_INFINITY;
        for (boolean probabilistic : new boolean[] {false, true}) {
            for (int init = 0; init < s.inits(); init++) {
                long modelSeed = seed * 1_000_003L + (probabilistic ? 500 : 0) + init;
                DetectorTraining.Outcome o = DetectorTraining.run(split, targets, data.views(), probabilistic,
                        probabilistic ? paeScorers : aeScorers, init, modelSeed, training,
                        keepReconstructions && !probabilistic, ctx);
                candidates.addAll(o.candidates());
                aeMeans.addAll(o.testMeans());
                minDrop = Math.min(minDrop, o.initialLoss() - o.finalLoss());
                minVariance = Math.min(minVariance, o.minVariance());
                tick.run();
            }
        }
        Map<String, Map<String, Double>> auc = new LinkedHashMap<>();
        Baselines.Pca pca = Baselines.Pca.fit(split.pool(), s.pcaShare());
        double[] pcaScores = pca.reconstructionError(split.test());
        double[] knnScores = Baselines.knnDistance(split.pool(), split.test(), s.knnK());
        for (int v = 0; v < data.views().size(); v++) {
            OutlierDataset.View view = data.views().get(v);
            Map<String, Double> row = new LinkedHashMap<>();
            int vi = v;
            row.put(Methods.AE_MSE, ModelSelection.best(candidates, Scorer.mse(), vi).testAuc()[vi]);
            row.put(Methods.PAE_PRE, ModelSelection.best(candidates, Scorer.apre(1, 1), vi).testAuc()[vi]);
            row.put(Methods.PAE_APRE, ModelSelection.best(candidates, Scorer.apre(s.alpha(), s.beta()), vi).testAuc()[vi]);
            for (int t = 1; t <= s.rounds(); t++) {
                row.put(Methods.mssMse(t), ModelSelection.bestOverK(candidates, Scorer.mssMse(t, 0), vi).testAuc()[vi]);
                row.put(Methods.mssApre(t), ModelSelection.bestOverK(candidates, Scorer.mssApre(s.alpha(), s.beta(), t, 0), vi).testAuc()[vi]);
                for (int k : s.ks()) {
                    row.put(Methods.mssMse(t) + " k=" + k, ModelSelection.best(candidates, Scorer.mssMse(t, k), vi).testAuc()[vi]);
                    row.put(Methods.mssApre(t) + " k=" + k,
                            ModelSelection.best(candidates, Scorer.mssApre(s.alpha(), s.beta(), t, k), vi).testAuc()[vi]);
                }
            }
            for (double[] p : s.weightPairs()) {
                row.put(Methods.apre(p[0], p[1]), ModelSelection.best(candidates, Scorer.apre(p[0], p[1]), vi).testAuc()[vi]);
            }
            row.put(Methods.KNN, Baselines.viewAuc(knnScores, split.testGroup(), view));
            row.put(Methods.PCA, Baselines.viewAuc(pcaScores, split.testGroup(), view));
            auc.put(view.name(), row);
        }
        ctx.log().info("{}: pool {} (val {}), test {}, d = {}, PCA rank {}", data.name(), split.pool().length,
                split.validation().length, split.test().length, data.dims(), pca.rank());
        return new Outcome(data, split, targets, auc, candidates, aeMeans, minDrop, minVariance);
    }
}
