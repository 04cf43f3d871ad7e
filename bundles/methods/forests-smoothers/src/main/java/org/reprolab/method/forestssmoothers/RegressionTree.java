package org.reprolab.method.forestssmoothers;

/**
 * A fitted CART regression tree, read as a smoother (Curth et al. 2024): its prediction at x is the
 * weighted mean of the training outcomes in x's leaf, f̂(x) = ŝ(x)·y with
 * ŝ_i(x) = w_i·1{x_i ∈ leaf(x)} / Σ_j w_j·1{x_j ∈ leaf(x)} and w_i the bootstrap count.
 * Leaves keep the indices of their (in-bag) training points so that ŝ(x) can be read off directly.
 * Built by {@link BestFirstGrower}.
 */
final class RegressionTree {

    private final int trainingSize;
    private final int[] splitFeature;
    private final double[] threshold;
    private final int[] leftChild;
    private final int[] rightChild;
    private final int[] leafIndex;
    private final int[][] leafMembers;
    private final double[][] leafSmootherWeights;
    private final double[] leafValue;
    private final double[] expansionGains;

    /**
     * @param leftChild      per node, its left child or -1 for a leaf
     * @param leafIndex      per node, its leaf number or -1 for an internal node
     * @param leafMembers    per leaf, the in-bag training indices in it
     * @param leafSmootherWeights per leaf, ŝ_i = w_i / Σ_leaf w_j for each member
     * @param leafValue      per leaf, the weighted mean outcome
     * @param expansionGains impurity decrease of each split, in the order the grower made them
     */
    RegressionTree(int trainingSize, int[] splitFeature, double[] threshold, int[] leftChild, int[] rightChild,
                   int[] leafIndex, int[][] leafMembers, double[][] leafSmootherWeights, double[] leafValue,
                   double[] expansionGains) {
        this.trainingSize = trainingSize;
        this.splitFeature = splitFeature;
        this.threshold = threshold;
        this.leftChild = leftChild;
        this.rightChild = rightChild;
        this.leafIndex = leafIndex;
        this.leafMembers = leafMembers;
        this.leafSmootherWeights = leafSmootherWeights;
        this.leafValue = leafValue;
        this.expansionGains = expansionGains;
    }

    /** The leaf that input x falls into. */
    int leafOf(double[] x) {
        int node = 0;
        while (leftChild[node] >= 0) {
            node = x[splitFeature[node]] <= threshold[node] ? leftChild[node] : rightChild[node];
        }
        return leafIndex[node];
    }

    double predict(double[] x) {
        return leafValue[leafOf(x)];
    }

    /** Training indices i with ŝ_i ≠ 0 in this leaf. */
    int[] leafMembers(int leaf) {
        return leafMembers[leaf];
    }

    /** The non-zero smoother weights of this leaf, aligned with {@link #leafMembers}; they sum to 1. */
    double[] leafSmootherWeights(int leaf) {
        return leafSmootherWeights[leaf];
    }

    /** The full smoother vector ŝ(x) of length n. */
    double[] smootherWeights(double[] x) {
        double[] s = new double[trainingSize];
        int leaf = leafOf(x);
        int[] members = leafMembers[leaf];
        double[] weights = leafSmootherWeights[leaf];
        for (int k = 0; k < members.length; k++) {
            s[members[k]] = weights[k];
        }
        return s;
    }

    int leafCount() {
        return leafValue.length;
    }

    int trainingSize() {
        return trainingSize;
    }

    /** The impurity decrease (weighted squared error) of each split in the order it was made. */
    double[] expansionGains() {
        return expansionGains.clone();
    }

    /** Thresholds of the splits in node order (root first); used by tests to see which splits were made. */
    double[] splitThresholds() {
        int count = 0;
        for (int c : leftChild) {
            if (c >= 0) {
                count++;
            }
        }
        double[] out = new double[count];
        int k = 0;
        for (int node = 0; node < leftChild.length; node++) {
            if (leftChild[node] >= 0) {
                out[k++] = threshold[node];
            }
        }
        return out;
    }
}
