package org.reprolab.method.forestssmoothers;

/**
 * The smoother matrix S (m × n) of a forest on m inputs, accumulated tree by tree: row j is
 * ŝ(x_j) = (1/b)·Σ_{t ≤ b} ŝ^t(x_j), each tree's row holding its bootstrap-weighted leaf weights
 * (the paper's forest smoother). Rows sum to one and S·y is the forest's prediction; leaving out the bootstrap
 * weights would break that identity (spec "Traps").
 *
 * <p>The squared row norms of the unnormalised sum are kept up to date as trees arrive, so p̂ after
 * every b costs only the size of the new tree's leaves: ‖a + c‖² = ‖a‖² + 2a·c + ‖c‖² with c sparse.
 */
final class SmootherMatrix {

    private final double[][] inputs;
    private final int n;
    private final double[][] sums;
    private final double[] squaredNorms;
    private int trees;

    SmootherMatrix(double[][] inputs, int trainingSize) {
        this.inputs = inputs;
        this.n = trainingSize;
        this.sums = new double[inputs.length][trainingSize];
        this.squaredNorms = new double[inputs.length];
    }

    /**
     * Adds one tree's smoother rows.
     *
     * @return the tree's own p̂ on these inputs (to compare the forest with its trees)
     */
    double add(RegressionTree tree) {
        if (tree.trainingSize() != n) {
            throw new IllegalArgumentException("tree fitted on " + tree.trainingSize() + " points, smoother has " + n);
        }
        double treeSquaredNorms = 0;
        for (int j = 0; j < inputs.length; j++) {
            int leaf = tree.leafOf(inputs[j]);
            int[] members = tree.leafMembers(leaf);
            double[] weights = tree.leafSmootherWeights(leaf);
            double[] row = sums[j];
            double cross = 0;
            double own = 0;
            for (int k = 0; k < members.length; k++) {
                cross += row[members[k]] * weights[k];
                own += weights[k] * weights[k];
                row[members[k]] += weights[k];
            }
            squaredNorms[j] += 2 * cross + own;
            treeSquaredNorms += own;
        }
        trees++;
        return EffectiveParameters.fromSquaredNorms(treeSquaredNorms, n, inputs.length);
    }

    /** p̂ of the forest of the trees added so far. */
    double effectiveParameters() {
        double total = 0;
        for (double q : squaredNorms) {
            total += q;
        }
        return EffectiveParameters.fromSquaredNorms(total / ((double) trees * trees), n, inputs.length);
    }

    /** Row j of S, ŝ(x_j). */
    double[] row(int j) {
        double[] r = sums[j].clone();
        for (int i = 0; i < n; i++) {
            r[i] /= trees;
        }
        return r;
    }

    /** All rows of S (m × n copies). */
    double[][] rows() {
        double[][] out = new double[inputs.length][];
        for (int j = 0; j < inputs.length; j++) {
            out[j] = row(j);
        }
        return out;
    }

    /** S·y: the forest's predictions rebuilt from its smoother weights. */
    double[] times(double[] y) {
        double[] out = new double[inputs.length];
        for (int j = 0; j < inputs.length; j++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += sums[j][i] * y[i];
            }
            out[j] = sum / trees;
        }
        return out;
    }

    /** max_j |Σ_i S_ji − 1|. */
    double maxRowSumError() {
        double worst = 0;
        for (double[] row : sums) {
            double sum = 0;
            for (double s : row) {
                sum += s;
            }
            worst = Math.max(worst, Math.abs(sum / trees - 1));
        }
        return worst;
    }

    /** The smallest entry of S (never negative for a tree ensemble). */
    double minWeight() {
        double min = Double.POSITIVE_INFINITY;
        for (double[] row : sums) {
            for (double s : row) {
                min = Math.min(min, s);
            }
        }
        return min / trees;
    }
}
