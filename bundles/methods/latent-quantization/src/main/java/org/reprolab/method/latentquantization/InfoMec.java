package org.reprolab.method.latentquantization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.autoencoders.common.MultinomialLogisticRegression;
import org.reprolab.autoencoders.common.MutualInformation;

/**
 * InfoMEC (paper §4): NMI_ij = I(s_i; z_j) / H(s_i) between sources and latents — plug-in counts for discrete
 * latents, Ross's k-NN estimator on the standardised latent for continuous ones; InfoM (modularity) and InfoC
 * (compactness) over the active latents, and InfoE (explicitness, from an unregularised class-balanced multinomial
 * logistic regression of each source on all latents, one-hot for discrete latents), as in the authors' code.
 */
final class InfoMec {

    /** The neighbours of the k-NN MI estimator. */
    static final int NEIGHBOURS = 10;
    /** L-BFGS iterations of the InfoE regressions. */
    static final int REGRESSION_ITERATIONS = 100;

    /** The scores, the NMI matrix (sources × all latents; inactive columns are NaN) and the active mask. */
    record Scores(double infoM, double infoC, double infoE, double[][] nmi, boolean[] active) {

        int activeCount() {
            int c = 0;
            for (boolean a : active) {
                c += a ? 1 : 0;
            }
            return c;
        }

        /** For each source, the active latent of highest NMI. */
        int[] bestLatentPerSource() {
            int[] best = new int[nmi.length];
            for (int i = 0; i < nmi.length; i++) {
                double top = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < active.length; j++) {
                    if (active[j] && nmi[i][j] > top) {
                        top = nmi[i][j];
                        best[i] = j;
                    }
                }
            }
            return best;
        }
    }

    private InfoMec() {
    }

    /**
     * @param sources  [n][n_s] source indices, source i taking values 0 … sizes[i] − 1
     * @param latents  [n][n_z] latent values
     * @param discrete whether the latents take finitely many values
     */
    static Scores of(int[][] sources, int[] sizes, double[][] latents, boolean discrete) {
        int n = sources.length;
        int ns = sizes.length;
        int nz = latents[0].length;
        int[][] sourceColumns = columns(sources, ns);
        double[][] latentColumns = new double[nz][n];
        for (int t = 0; t < n; t++) {
            for (int j = 0; j < nz; j++) {
                latentColumns[j][t] = latents[t][j];
            }
        }
        boolean[] active = active(latentColumns, discrete);
        List<Integer> activeIndex = new ArrayList<>();
        for (int j = 0; j < nz; j++) {
            if (active[j]) {
                activeIndex.add(j);
            }
        }
        double[][] nmi = new double[ns][nz];
        int[][] codes = new int[nz][];
        for (int j = 0; j < nz; j++) {
            if (!active[j]) {
                for (int i = 0; i < ns; i++) {
                    nmi[i][j] = Double.NaN;
                }
                continue;
            }
            double[][] standardised = null;
            if (discrete) {
                codes[j] = distinctValueIndex(latentColumns[j]);
            } else {
                standardised = jittered(standardise(latentColumns[j]), j);
            }
            for (int i = 0; i < ns; i++) {
                double mi = discrete ? MutualInformation.discrete(sourceColumns[i], codes[j])
                        : MutualInformation.discreteContinuous(sourceColumns[i], standardised, NEIGHBOURS);
                nmi[i][j] = mi / MutualInformation.entropy(sourceColumns[i]);
            }
        }
        double infoM = modularity(nmi, activeIndex, ns);
        double infoC = compactness(nmi, activeIndex, ns);
        List<Integer> allLatents = new ArrayList<>();
        for (int j = 0; j < nz; j++) {
            allLatents.add(j);
            if (discrete && codes[j] == null) {
                codes[j] = distinctValueIndex(latentColumns[j]);
            }
        }
        // as the authors' code, InfoE reads every latent (an inactive one adds a constant or near-constant column)
        double infoE = explicitness(sourceColumns, sizes, features(latentColumns, allLatents, codes, discrete));
        return new Scores(infoM, infoC, infoE, nmi, active);
    }

    /** Active: range &gt; (largest range)/20 for continuous latents, more than one value for discrete ones. */
    static boolean[] active(double[][] latentColumns, boolean discrete) {
        double[] range = new double[latentColumns.length];
        double maxRange = 0;
        for (int j = 0; j < latentColumns.length; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double v : latentColumns[j]) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
            range[j] = hi - lo;
            maxRange = Math.max(maxRange, range[j]);
        }
        boolean[] active = new boolean[range.length];
        for (int j = 0; j < range.length; j++) {
            active[j] = discrete ? range[j] > 0 : range[j] > maxRange / 20;
        }
        return active;
    }

    /** InfoM = (mean over active j of max_i NMI_ij / Σ_i NMI_ij − 1/n_s) / (1 − 1/n_s). */
    static double modularity(double[][] nmi, List<Integer> active, int ns) {
        if (active.isEmpty()) {
            return 0;
        }
        double sum = 0;
        for (int j : active) {
            double max = 0;
            double total = 0;
            for (int i = 0; i < ns; i++) {
                max = Math.max(max, nmi[i][j]);
                total += nmi[i][j];
            }
            sum += total > 0 ? max / total : 1.0 / ns; // a latent carrying nothing is counted as unspecific
        }
        return (sum / active.size() - 1.0 / ns) / (1 - 1.0 / ns);
    }

    /** InfoC = (mean over sources i of max_j NMI_ij / Σ_j NMI_ij − 1/n_a) / (1 − 1/n_a); 1 when one latent is active. */
    static double compactness(double[][] nmi, List<Integer> active, int ns) {
        int na = active.size();
        if (na == 0) {
            return 0;
        }
        if (na == 1) {
            return 1;
        }
        double sum = 0;
        for (int i = 0; i < ns; i++) {
            double max = 0;
            double total = 0;
            for (int j : active) {
                max = Math.max(max, nmi[i][j]);
                total += nmi[i][j];
            }
            sum += total > 0 ? max / total : 1.0 / na;
        }
        return (sum / ns - 1.0 / na) / (1 - 1.0 / na);
    }

    /** InfoE = mean over sources of (H_null − H_logreg) / H_null. */
    static double explicitness(int[][] sourceColumns, int[] sizes, double[][] features) {
        double sum = 0;
        for (int i = 0; i < sizes.length; i++) {
            double nullLoss = MultinomialLogisticRegression.nullLogLoss(sourceColumns[i], sizes[i], true);
            double fitted = MultinomialLogisticRegression.fit(features, sourceColumns[i], sizes[i], true, REGRESSION_ITERATIONS).logLoss();
            sum += (nullLoss - fitted) / nullLoss;
        }
        return sum / sizes.length;
    }

    /** The regression inputs: standardised latents, or the one-hot codes of discrete latents. */
    private static double[][] features(double[][] latentColumns, List<Integer> active, int[][] codes, boolean discrete) {
        int n = latentColumns[0].length;
        List<double[]> columns = new ArrayList<>();
        for (int j : active) {
            if (discrete) {
                int values = 0;
                for (int c : codes[j]) {
                    values = Math.max(values, c + 1);
                }
                for (int v = 0; v < values; v++) {
                    double[] col = new double[n];
                    for (int t = 0; t < n; t++) {
                        col[t] = codes[j][t] == v ? 1 : 0;
                    }
                    columns.add(col);
                }
            } else {
                double[][] s = standardise(latentColumns[j]);
                double[] col = new double[n];
                for (int t = 0; t < n; t++) {
                    col[t] = s[t][0];
                }
                columns.add(col);
            }
        }
        double[][] rows = new double[n][columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            for (int t = 0; t < n; t++) {
                rows[t][c] = columns.get(c)[t];
            }
        }
        return rows;
    }

    /** Each value replaced by the index of its distinct value (in order of appearance). */
    static int[] distinctValueIndex(double[] column) {
        Map<Double, Integer> index = new HashMap<>();
        int[] out = new int[column.length];
        for (int t = 0; t < column.length; t++) {
            out[t] = index.computeIfAbsent(column[t], v -> index.size());
        }
        return out;
    }

    /**
     * Adds noise of scale 1e-10 (fixed seed per latent, so the metric is deterministic), as scikit-learn's
     * {@code mutual_info_classif} does: tied values (a latent that copies a discrete source) otherwise give zero
     * neighbour radii, for which the k-NN estimator is undefined.
     */
    private static double[][] jittered(double[][] column, int latent) {
        java.util.Random rng = new java.util.Random(0x1A7E47L + latent);
        for (double[] row : column) {
            row[0] += 1e-10 * rng.nextGaussian();
        }
        return column;
    }

    /** (x − mean) / std as a column of 1-D points. */
    private static double[][] standardise(double[] column) {
        double mean = 0;
        for (double v : column) {
            mean += v;
        }
        mean /= column.length;
        double var = 0;
        for (double v : column) {
            var += (v - mean) * (v - mean);
        }
        double sd = Math.sqrt(var / column.length);
        double[][] out = new double[column.length][1];
        for (int t = 0; t < column.length; t++) {
            out[t][0] = sd > 0 ? (column[t] - mean) / sd : 0;
        }
        return out;
    }

    private static int[][] columns(int[][] rows, int k) {
        int[][] cols = new int[k][rows.length];
        for (int t = 0; t < rows.length; t++) {
            for (int i = 0; i < k; i++) {
                cols[i][t] = rows[t][i];
            }
        }
        return cols;
    }
}
