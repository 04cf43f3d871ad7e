package org.reprolab.method.dltheory;

import org.reprolab.api.Result;

/**
 * The invariants of the smoke profile (spec), recorded as {@code check/…} metrics of every run: Gaussianity at
 * L = 1, the quadrature against ⟨relu²⟩ = K/2, the shortcut against explicit weights, Θ symmetric PSD, monotone
 * gradient descent, and the Jacobians against autograd and finite differences.
 */
final class Checks {

    private static final double[] QUADRATURE_TEST_KERNELS = {0.01, 0.5, 1, 2, 16, 100};

    private Checks() {
    }

    static void addTo(Result.Builder result, Measurements m) {
        for (NonGaussianityStudy.Cell c : m.cells()) {
            if (c.depth() == 1) {
                String key = c.activation().label() + "/n-" + c.width();
                result.metric("check/gaussian_output_kurtosis/" + key, c.estimate().gBased());
                result.metric("check/gaussian_output_raw_kurtosis/" + key, c.estimate().raw());
            }
        }
        double quadrature = 0;
        for (double k : QUADRATURE_TEST_KERNELS) {
            quadrature = Math.max(quadrature, Math.abs(m.recursion().meanSquaredActivation(Activation.RELU, k) - k / 2) / k);
        }
        result.metric("check/relu_quadrature_relative_error", quadrature);
        NonGaussianityStudy.CrossCheck x = m.crossCheck();
        result.metric("check/cross_check_explicit_kurtosis", x.explicit().gBased());
        result.metric("check/cross_check_shortcut_kurtosis", x.shortcut().gBased());
        result.metric("check/cross_check_difference_in_joint_errors", Math.abs(x.explicit().gBased() - x.shortcut().gBased()) / x.jointError());
        double asymmetry = 0;
        double minEigenvalue = Double.POSITIVE_INFINITY;
        double monotone = 1;
        double diverged = 0;
        for (NtkStudy.Run r : m.ntk()) {
            diverged += r.training().diverged() ? 1 : 0;
            asymmetry = Math.max(asymmetry, r.training().symmetryError());
            minEigenvalue = Math.min(minEigenvalue, r.training().minEigenvalue());
            monotone = Math.min(monotone, r.training().lossMonotone() ? 1 : 0);
        }
        result.metric("check/ntk_symmetry_max_relative_error", asymmetry);
        result.metric("check/ntk_min_eigenvalue_over_max", minEigenvalue);
        result.metric("check/gd_loss_monotone_all_runs", monotone);
        result.metric("check/ntk_diverged_runs", diverged);
        result.metric("check/jacobian_autograd_vs_finite_differences", m.jacobian().autogradVsFiniteDifferences());
        result.metric("check/jacobian_backprop_vs_autograd", m.jacobian().backpropVsAutograd());
        result.metric("check/ntk_vs_jacobian_product_relative", m.jacobian().ntkVsJacobianProduct());
    }
}
