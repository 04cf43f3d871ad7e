package org.reprolab.method.dltheory;

import java.util.List;

/** The run's parameters, grouped by part (A criticality, B non-Gaussianity, C NTK). */
record Plan(int inputDim, Criticality criticality, Kurtosis kurtosis, Ntk ntk) {

    /** A: explicit-weight networks on a few inputs. */
    record Criticality(int width, int depth, int networks, int inputs, List<Double> reluWeightVariances,
                       List<Double> tanhWeightVariances) {

        /** Network chunks (the unit of parallel work and progress). */
        int chunks() {
            return (networks + CriticalityStudy.NETWORKS_PER_CHUNK - 1) / CriticalityStudy.NETWORKS_PER_CHUNK
                    * (reluWeightVariances.size() + tanhWeightVariances.size());
        }
    }

    /** B: the (n, L) grid sampled by rotation invariance, plus the explicit-weight cross-check cell. */
    record Kurtosis(List<Integer> widths, List<Integer> depths, double maxDepthToWidth, int networks, int chunk,
                    int crossCheckWidth, int crossCheckDepth, int crossCheckNetworks) {

        /** The grid's cells (n, L) with L/n ≤ the bound, widths outer, depths inner. */
        List<int[]> cells() {
            return widths.stream().flatMap(n -> depths.stream().filter(l -> l <= maxDepthToWidth * n)
                    .map(l -> new int[] {n, l})).toList();
        }

        int chunksPerCell() {
            return (networks + chunk - 1) / chunk;
        }
    }

    /** C: NTK-parametrised ReLU networks trained by full-batch gradient descent. */
    record Ntk(List<Integer> depths, List<Integer> widths, int seeds, int samples, double inputNorm, int maxSteps,
               double targetMse) {

        int runs() {
            return depths.size() * widths.size() * seeds;
        }
    }

    long progressUnits() {
        return criticality.chunks() + 2L * kurtosis.cells().size() * kurtosis.chunksPerCell() + 1 + ntk.runs();
    }
}
