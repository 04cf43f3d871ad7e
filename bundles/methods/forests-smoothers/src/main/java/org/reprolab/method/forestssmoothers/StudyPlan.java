package org.reprolab.method.forestssmoothers;

import java.util.Comparator;
import java.util.List;

/**
 * The parameters of one run, read once from the run context.
 *
 * @param leaves the leaf budgets, largest first: the largest is the interpolating configuration
 *               (max_leaf_nodes = n in the full profile), the smallest the shallow one
 */
record StudyPlan(int trees, int n, int dataSeeds, double sigma, List<Integer> leaves, List<Double> maxFeatures,
                 List<Double> offsets, List<Double> noiseLevels, double noiseMaxFeatures,
                 int decompositionForests, int decompositionSeeds, double decompositionOffset,
                 boolean decompositionBootstrap, int dfRedraws, int dfSeeds, int realSplits, double realMaxFeatures) {

    StudyPlan {
        leaves = leaves.stream().distinct().sorted(Comparator.reverseOrder()).toList();
        maxFeatures = List.copyOf(maxFeatures);
        offsets = List.copyOf(offsets);
        noiseLevels = List.copyOf(noiseLevels);
    }

    int deepLeaves() {
        return leaves.get(0);
    }

    int shallowLeaves() {
        return leaves.get(leaves.size() - 1);
    }

    /** Data seeds drawn: enough for every study. */
    int seedsToDraw() {
        return Math.max(dataSeeds, Math.max(decompositionSeeds, dfSeeds));
    }

    boolean measuresDegreesOfFreedom() {
        return sigma > 0;
    }

    /** How many trees the run fits, for the progress bar. */
    long totalTrees() {
        long grid = (long) leaves.size() * maxFeatures.size() * 2 * dataSeeds;
        long noise = (long) noiseLevels.size() * 2 * dataSeeds;
        long decomposition = (long) maxFeatures.size() * decompositionSeeds * decompositionForests;
        long df = measuresDegreesOfFreedom() ? (long) maxFeatures.size() * dfSeeds * dfRedraws : 0;
        long real = 2L * realSplits;
        return (grid + noise + decomposition + df + real) * trees;
    }
}
