package org.reprolab.method.dltheory;

import java.util.Comparator;
import java.util.List;
import org.reprolab.theory.common.SeedSummary;

/** Everything the run measured, with look-ups by configuration for the claims, figures and checks. */
record Measurements(Plan plan, List<CriticalityStudy.KernelProfile> kernels, List<NonGaussianityStudy.Cell> cells,
                    NonGaussianityStudy.CrossCheck crossCheck, List<NtkStudy.Run> ntk, JacobianCheck jacobian,
                    double reluFirstKernel, KernelRecursion recursion) {

    /** A configuration a claim needs was left out of the run by its parameters. */
    static final class NotMeasured extends RuntimeException {
        NotMeasured(String what) {
            super(what);
        }
    }

    static final double SAME_VALUE = 1e-9;

    List<CriticalityStudy.KernelProfile> kernels(Activation activation) {
        return kernels.stream().filter(k -> k.activation() == activation).toList();
    }

    CriticalityStudy.KernelProfile kernel(Activation activation, double weightVariance) {
        return kernels.stream().filter(k -> k.activation() == activation && Math.abs(k.weightVariance() - weightVariance) < SAME_VALUE)
                .findFirst().orElseThrow(() -> new NotMeasured(activation.label() + " with C_W = " + weightVariance));
    }

    /** The activation's cells, widths ascending, then depths ascending. */
    List<NonGaussianityStudy.Cell> cells(Activation activation) {
        return cells.stream().filter(c -> c.activation() == activation)
                .sorted(Comparator.comparingInt(NonGaussianityStudy.Cell::width).thenComparingInt(NonGaussianityStudy.Cell::depth))
                .toList();
    }

    NonGaussianityStudy.Cell cell(Activation activation, int width, int depth) {
        return cells.stream().filter(c -> c.activation() == activation && c.width() == width && c.depth() == depth)
                .findFirst().orElseThrow(() -> new NotMeasured(activation.label() + " cell n = " + width + ", L = " + depth));
    }

    List<Integer> ntkDepths() {
        return ntk.stream().map(NtkStudy.Run::depth).distinct().sorted().toList();
    }

    List<Integer> ntkWidths() {
        return ntk.stream().map(NtkStudy.Run::width).distinct().sorted().toList();
    }

    /** The relative NTK change at (L, n) over the seeds whose training did not diverge. */
    SeedSummary ntkChange(int depth, int width) {
        double[] values = ntk.stream().filter(r -> r.depth() == depth && r.width() == width && !r.training().diverged())
                .mapToDouble(r -> r.training().relativeChange()).toArray();
        if (values.length == 0) {
            throw new NotMeasured("NTK runs with L = " + depth + ", n = " + width + " that did not diverge");
        }
        return SeedSummary.of(values);
    }

    /** How many NTK runs at depth L (all widths) diverged. */
    long ntkDiverged(int depth) {
        return ntk.stream().filter(r -> r.depth() == depth && r.training().diverged()).count();
    }

    /** How many NTK runs at (L, n) diverged. */
    long ntkDiverged(int depth, int width) {
        return ntk.stream().filter(r -> r.depth() == depth && r.width() == width && r.training().diverged()).count();
    }
}
