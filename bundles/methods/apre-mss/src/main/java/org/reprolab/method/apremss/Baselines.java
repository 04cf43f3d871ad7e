package org.reprolab.method.apremss;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.reprolab.autoencoders.common.NearestNeighbours;

/**
 * The two non-auto-encoder detectors, fitted on the pool and scoring other points: the distance to the k-th nearest
 * pool point, and the PCA reconstruction error with the smallest rank whose components explain the given share of
 * the pool's variance.
 */
final class Baselines {

    private Baselines() {
    }

    /** The AUC of test scores in one view (its inliers against its outlier groups). */
    static double viewAuc(double[] scores, int[] group, OutlierDataset.View view) {
        java.util.List<Integer> kept = new java.util.ArrayList<>();
        for (int i = 0; i < group.length; i++) {
            if (view.includes(group[i])) {
                kept.add(i);
            }
        }
        double[] s = new double[kept.size()];
        boolean[] positive = new boolean[kept.size()];
        for (int i = 0; i < s.length; i++) {
            s[i] = scores[kept.get(i)];
            positive[i] = group[kept.get(i)] != 0;
        }
        return org.reprolab.autoencoders.common.RocAuc.of(s, positive);
    }

    /** Distance from each point to its k-th nearest pool point. */
    static double[] knnDistance(double[][] pool, double[][] points, int k) {
        NearestNeighbours.Neighbours nn = new NearestNeighbours(pool).search(points, k);
        double[] s = new double[points.length];
        for (int i = 0; i < s.length; i++) {
            s[i] = nn.distances()[i][k - 1];
        }
        return s;
    }

    /** A PCA subspace of the pool. */
    record Pca(double[] mean, double[][] components) {

        /** The smallest number of leading components whose eigenvalues sum to ≥ {@code share} of the total variance. */
        static Pca fit(double[][] pool, double share) {
            int n = pool.length;
            int d = pool[0].length;
            double[] mean = new double[d];
            for (double[] row : pool) {
                for (int j = 0; j < d; j++) {
                    mean[j] += row[j] / n;
                }
            }
            DMatrixRMaj cov = new DMatrixRMaj(d, d);
            for (double[] row : pool) {
                for (int a = 0; a < d; a++) {
                    double da = row[a] - mean[a];
                    for (int b = a; b < d; b++) {
                        cov.add(a, b, da * (row[b] - mean[b]) / n);
                    }
                }
            }
            for (int a = 0; a < d; a++) {
                for (int b = 0; b < a; b++) {
                    cov.set(a, b, cov.get(b, a));
                }
            }
            EigenDecomposition_F64<DMatrixRMaj> eig = DecompositionFactory_DDRM.eig(d, true, true);
            if (!eig.decompose(cov)) {
                throw new IllegalStateException("eigen-decomposition of the " + d + "×" + d + " covariance failed");
            }
            Integer[] order = new Integer[d];
            double total = 0;
            for (int i = 0; i < d; i++) {
                order[i] = i;
                total += Math.max(0, eig.getEigenvalue(i).getReal());
            }
            java.util.Arrays.sort(order, (p, q) -> Double.compare(eig.getEigenvalue(q).getReal(), eig.getEigenvalue(p).getReal()));
            int rank = 0;
            double explained = 0;
            while (rank < d && explained < share * total) {
                explained += Math.max(0, eig.getEigenvalue(order[rank]).getReal());
                rank++;
            }
            double[][] components = new double[Math.max(rank, 1)][];
            for (int r = 0; r < components.length; r++) {
                double[] v = eig.getEigenVector(order[r]).getData().clone();
                double norm = 0;
                for (double c : v) {
                    norm += c * c;
                }
                for (int j = 0; j < d; j++) {
                    v[j] /= Math.sqrt(norm);
                }
                components[r] = v;
            }
            return new Pca(mean, components);
        }

        int rank() {
            return components.length;
        }

        /** ‖(x − m) − VVᵀ(x − m)‖² per point. */
        double[] reconstructionError(double[][] points) {
            double[] s = new double[points.length];
            int d = mean.length;
            for (int i = 0; i < points.length; i++) {
                double[] c = new double[d];
                for (int j = 0; j < d; j++) {
                    c[j] = points[i][j] - mean[j];
                }
                double norm = 0;
                for (double v : c) {
                    norm += v * v;
                }
                double projected = 0;
                for (double[] v : components) {
                    double dot = 0;
                    for (int j = 0; j < d; j++) {
                        dot += v[j] * c[j];
                    }
                    projected += dot * dot;
                }
                s[i] = Math.max(0, norm - projected);
            }
            return s;
        }
    }
}
