package org.reprolab.method.pvrnn;

/**
 * Labels any 2-D sequence by splitting it into consecutive 20-step blocks and giving each block the noise-free template
 * with the smallest mean squared error; estimates the transition matrix from consecutive block labels.
 */
final class PrimitiveClassifier {

    private PrimitiveClassifier() {
    }

    /** The label of every complete block of {@code sequence} [steps][2]. */
    static int[] labels(double[][] sequence) {
        int blocks = sequence.length / MotionPrimitives.LENGTH;
        int[] out = new int[blocks];
        for (int b = 0; b < blocks; b++) {
            out[b] = nearest(sequence, b * MotionPrimitives.LENGTH);
        }
        return out;
    }

    /** The nearest template to the block starting at {@code start}. */
    static int nearest(double[][] sequence, int start) {
        int best = 0;
        double bestMse = Double.POSITIVE_INFINITY;
        for (int p = 0; p < MotionPrimitives.COUNT; p++) {
            double mse = templateMse(sequence, start, p);
            if (mse < bestMse) {
                bestMse = mse;
                best = p;
            }
        }
        return best;
    }

    /** The MSE (per coordinate) between the block at {@code start} and template {@code p}. */
    static double templateMse(double[][] sequence, int start, int p) {
        double[][] template = MotionPrimitives.template(p);
        double sum = 0;
        for (int k = 0; k < MotionPrimitives.LENGTH; k++) {
            for (int c = 0; c < 2; c++) {
                double e = sequence[start + k][c] - template[k][c];
                sum += e * e;
            }
        }
        return sum / (2 * MotionPrimitives.LENGTH);
    }

    /** The mean over all blocks of the MSE to their nearest template (shape quality). */
    static double meanNearestTemplateMse(double[][][] sequences) {
        double sum = 0;
        int n = 0;
        for (double[][] s : sequences) {
            int[] labels = labels(s);
            for (int b = 0; b < labels.length; b++) {
                sum += templateMse(s, b * MotionPrimitives.LENGTH, labels[b]);
                n++;
            }
        }
        return sum / n;
    }

    /** Transition counts [from][to] over consecutive blocks of every sequence. */
    static int[][] transitionCounts(double[][][] sequences) {
        int[][] counts = new int[MotionPrimitives.COUNT][MotionPrimitives.COUNT];
        for (double[][] s : sequences) {
            int[] labels = labels(s);
            for (int b = 1; b < labels.length; b++) {
                counts[labels[b - 1]][labels[b]]++;
            }
        }
        return counts;
    }

    /** Row-normalised counts; a row never visited is left NaN. */
    static double[][] transitionMatrix(int[][] counts) {
        double[][] p = new double[counts.length][counts.length];
        for (int i = 0; i < counts.length; i++) {
            double total = 0;
            for (int c : counts[i]) {
                total += c;
            }
            for (int j = 0; j < counts.length; j++) {
                p[i][j] = total == 0 ? Double.NaN : counts[i][j] / total;
            }
        }
        return p;
    }

    /**
     * The total-variation distance ½Σ_j|P̂_ij − P_ij| averaged over rows; a row the estimate never visited counts as
     * the worst case, 1.
     */
    static double meanRowTotalVariation(double[][] estimate, double[][] truth) {
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            if (Double.isNaN(estimate[i][0])) {
                sum += 1;
                continue;
            }
            double tv = 0;
            for (int j = 0; j < truth.length; j++) {
                tv += Math.abs(estimate[i][j] - truth[i][j]);
            }
            sum += tv / 2;
        }
        return sum / truth.length;
    }

    /** The share of blocks carrying each label, over all sequences. */
    static double[] labelShares(double[][][] sequences) {
        double[] shares = new double[MotionPrimitives.COUNT];
        int n = 0;
        for (double[][] s : sequences) {
            for (int label : labels(s)) {
                shares[label]++;
                n++;
            }
        }
        for (int p = 0; p < shares.length; p++) {
            shares[p] /= n;
        }
        return shares;
    }
}
