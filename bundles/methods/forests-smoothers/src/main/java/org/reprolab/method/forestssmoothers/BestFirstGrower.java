package org.reprolab.method.forestssmoothers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.random.RandomGenerator;

/**
 * Grows a CART regression tree best-first, as scikit-learn does when {@code max_leaf_nodes} is set:
 * the leaf whose best split decreases the (bootstrap-weighted) squared error most is always expanded
 * next, until the tree has {@code maxLeafNodes} leaves or no leaf can be split. The paper's forests
 * are scikit-learn forests limited by leaf count; growing depth-first to a depth limit would compare
 * different trees (spec "Traps").
 *
 * <p>Each node's split is searched once, when the node is created: {@code featuresPerSplit} features
 * are drawn without replacement in random order (more are visited only while every one seen was constant
 * in the node, as scikit-learn does), each is sorted and scanned with cumulative weighted sums, and
 * {@code min_samples_leaf = 1}. Gains equal up to rounding are ties, won by the feature drawn first and,
 * within a feature, by the lowest threshold.
 */
final class BestFirstGrower {

    /** A node is pure (never split) when its weighted outcome variance is at most this; scikit-learn's EPSILON. */
    private static final double PURE_VARIANCE = Math.ulp(1.0);
    /** Gains closer than this fraction of the node's squared error are equal: the same partition summed in another order. */
    private static final double TIE_TOLERANCE = 1e-11;

    private final int maxLeafNodes;
    private final int featuresPerSplit;

    BestFirstGrower(int maxLeafNodes, int featuresPerSplit) {
        if (maxLeafNodes < 1 || featuresPerSplit < 1) {
            throw new IllegalArgumentException("need at least one leaf and one feature per split, got "
                    + maxLeafNodes + " leaves and " + featuresPerSplit + " features");
        }
        this.maxLeafNodes = maxLeafNodes;
        this.featuresPerSplit = featuresPerSplit;
    }

    /**
     * Grows one tree.
     *
     * @param weights bootstrap counts w_i (points with w_i = 0 are out of bag and play no part)
     * @param rng     the tree's own random stream (feature draws)
     */
    RegressionTree grow(TrainingSet data, int[] weights, RandomGenerator rng) {
        int n = data.size();
        if (weights.length != n) {
            throw new IllegalArgumentException("weights have " + weights.length + " entries for " + n + " points");
        }
        int inBag = 0;
        for (int w : weights) {
            if (w > 0) {
                inBag++;
            }
        }
        int[] rootSamples = new int[inBag];
        for (int i = 0, k = 0; i < n; i++) {
            if (weights[i] > 0) {
                rootSamples[k++] = i;
            }
        }
        Growth growth = new Growth(data, weights, rng);
        Node root = growth.newNode(rootSamples);
        PriorityQueue<Node> frontier = new PriorityQueue<>((a, b) -> a.split.gain != b.split.gain
                ? Double.compare(b.split.gain, a.split.gain) : Integer.compare(a.id, b.id));
        if (root.split != null) {
            frontier.add(root);
        }
        int leaves = 1;
        while (leaves < maxLeafNodes && !frontier.isEmpty()) {
            Node node = frontier.poll();
            growth.expansionGains.add(node.split.gain);
            node.left = growth.newNode(node.split.left);
            node.right = growth.newNode(node.split.right);
            leaves++;
            for (Node child : new Node[] {node.left, node.right}) {
                if (child.split != null) {
                    frontier.add(child);
                }
            }
        }
        return growth.toTree();
    }

    private record Split(int feature, double threshold, double gain, int[] left, int[] right) {
    }

    private static final class Node {
        final int id;
        final int[] samples;
        final Split split;
        Node left;
        Node right;

        Node(int id, int[] samples, Split split) {
            this.id = id;
            this.samples = samples;
            this.split = split;
        }
    }

    /** The state of one tree's growth. */
    private final class Growth {
        final TrainingSet data;
        final int[] weights;
        final RandomGenerator rng;
        final List<Node> nodes = new ArrayList<>();
        final List<Double> expansionGains = new ArrayList<>();
        final int[] featureOrder;

        Growth(TrainingSet data, int[] weights, RandomGenerator rng) {
            this.data = data;
            this.weights = weights;
            this.rng = rng;
            this.featureOrder = new int[data.features()];
        }

        Node newNode(int[] samples) {
            Node node = new Node(nodes.size(), samples, bestSplit(samples));
            nodes.add(node);
            return node;
        }

        /** The best split of a node, or null if it is pure or has no two distinct inputs. */
        Split bestSplit(int[] samples) {
            int m = samples.length;
            if (m < 2) {
                return null;
            }
            double[] y = data.y();
            double totalWeight = 0;
            double sum = 0;
            for (int i : samples) {
                totalWeight += weights[i];
                sum += weights[i] * y[i];
            }
            double mean = sum / totalWeight;
            // Centred outcomes keep the gain free of the cancellation in S_L²/W_L + S_R²/W_R − S²/W.
            double sse = 0;
            for (int i : samples) {
                sse += weights[i] * (y[i] - mean) * (y[i] - mean);
            }
            if (sse / totalWeight <= PURE_VARIANCE) {
                return null;
            }
            drawFeatureOrder();
            double tolerance = TIE_TOLERANCE * sse;
            double bestGain = Double.NEGATIVE_INFINITY;
            int bestFeature = -1;
            int bestRank = -1;
            double bestThreshold = Double.NaN;
            long[] keys = new long[m];
            int visited = 0;
            int nonConstantVisited = 0;
            for (int f : featureOrder) {
                if (visited >= featuresPerSplit && nonConstantVisited > 0) {
                    break;
                }
                visited++;
                int[] rank = data.ranks()[f];
                for (int k = 0; k < m; k++) {
                    keys[k] = ((long) rank[samples[k]] << 32) | samples[k];
                }
                Arrays.sort(keys);
                if (rankOf(keys[0]) == rankOf(keys[m - 1])) {
                    continue;
                }
                nonConstantVisited++;
                double leftWeight = 0;
                double leftSum = 0;
                for (int p = 0; p < m - 1; p++) {
                    int i = indexOf(keys[p]);
                    leftWeight += weights[i];
                    leftSum += weights[i] * (y[i] - mean);
                    if (rankOf(keys[p]) == rankOf(keys[p + 1])) {
                        continue;
                    }
                    double rightWeight = totalWeight - leftWeight;
                    // Decrease of the weighted squared error: S_L'²·W / (W_L·W_R) for centred sums (S_R' = −S_L').
                    double gain = leftSum * leftSum * totalWeight / (leftWeight * rightWeight);
                    if (gain > bestGain + tolerance) {
                        bestGain = gain;
                        bestFeature = f;
                        bestRank = rankOf(keys[p]);
                        bestThreshold = midpoint(data.x()[i][f], data.x()[indexOf(keys[p + 1])][f]);
                    }
                }
            }
            if (bestFeature < 0) {
                return null;
            }
            int[] rank = data.ranks()[bestFeature];
            int leftCount = 0;
            for (int i : samples) {
                if (rank[i] <= bestRank) {
                    leftCount++;
                }
            }
            int[] left = new int[leftCount];
            int[] right = new int[m - leftCount];
            int l = 0;
            int r = 0;
            for (int i : samples) {
                if (rank[i] <= bestRank) {
                    left[l++] = i;
                } else {
                    right[r++] = i;
                }
            }
            return new Split(bestFeature, bestThreshold, bestGain, left, right);
        }

        void drawFeatureOrder() {
            for (int f = 0; f < featureOrder.length; f++) {
                featureOrder[f] = f;
            }
            for (int f = featureOrder.length - 1; f > 0; f--) {
                int g = rng.nextInt(f + 1);
                int tmp = featureOrder[f];
                featureOrder[f] = featureOrder[g];
                featureOrder[g] = tmp;
            }
        }

        RegressionTree toTree() {
            int count = nodes.size();
            int[] feature = new int[count];
            double[] threshold = new double[count];
            int[] leftChild = new int[count];
            int[] rightChild = new int[count];
            int[] leafIndex = new int[count];
            List<int[]> members = new ArrayList<>();
            List<double[]> smootherWeights = new ArrayList<>();
            List<Double> values = new ArrayList<>();
            double[] y = data.y();
            for (Node node : nodes) {
                if (node.left != null) {
                    feature[node.id] = node.split.feature;
                    threshold[node.id] = node.split.threshold;
                    leftChild[node.id] = node.left.id;
                    rightChild[node.id] = node.right.id;
                    leafIndex[node.id] = -1;
                    continue;
                }
                leftChild[node.id] = -1;
                rightChild[node.id] = -1;
                leafIndex[node.id] = members.size();
                int[] leafMembers = node.samples.clone();
                Arrays.sort(leafMembers);
                double leafWeight = 0;
                for (int i : leafMembers) {
                    leafWeight += weights[i];
                }
                // The leaf's value is computed as a weighted mean in its own right, not from ŝ, so that
                // S·y = prediction is a real check of the smoother weights.
                double[] s = new double[leafMembers.length];
                double weightedSum = 0;
                for (int k = 0; k < leafMembers.length; k++) {
                    s[k] = weights[leafMembers[k]] / leafWeight;
                    weightedSum += weights[leafMembers[k]] * y[leafMembers[k]];
                }
                double value = weightedSum / leafWeight;
                members.add(leafMembers);
                smootherWeights.add(s);
                values.add(value);
            }
            return new RegressionTree(data.size(), feature, threshold, leftChild, rightChild, leafIndex,
                    members.toArray(int[][]::new), smootherWeights.toArray(double[][]::new),
                    values.stream().mapToDouble(Double::doubleValue).toArray(),
                    expansionGains.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    private static int rankOf(long key) {
        return (int) (key >>> 32);
    }

    private static int indexOf(long key) {
        return (int) key;
    }

    /** scikit-learn's threshold: the midpoint, or the lower value where rounding would put it on the upper one. */
    private static double midpoint(double lower, double upper) {
        double t = lower / 2.0 + upper / 2.0;
        return t >= upper || Double.isInfinite(t) ? lower : t;
    }
}
