package org.reprolab.tensor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.Function;
import org.reprolab.tensor.backend.DType;

/**
 * Finite-difference gradient checks in float64: compares backward's gradient of Σ w·f(inputs) (w random, so
 * every output element matters) with central differences, element by element.
 */
public final class GradCheck {
    private GradCheck() {
    }

    /** Checks every floating input of {@code f}; inputs are converted to float64 leaves first. */
    public static void check(String name, Function<Tensor[], Tensor> f, Tensor... inputs) {
        check(name, 1e-6, 1e-6, f, inputs);
    }

    public static void check(String name, double eps, double tolerance, Function<Tensor[], Tensor> f, Tensor... inputs) {
        Tensor[] xs = new Tensor[inputs.length];
        for (int i = 0; i < inputs.length; i++) {
            xs[i] = inputs[i].dtype().isFloating() ? inputs[i].to(DType.FLOAT64).copy().detach().requiresGrad(true)
                    : inputs[i];
        }
        Tensor out = f.apply(xs);
        Tensor w = new Generator(99).normal(0, 1, out.shape()).to(DType.FLOAT64);
        out.mul(w).sum().backward();
        for (int i = 0; i < xs.length; i++) {
            if (!xs[i].dtype().isFloating()) {
                continue;
            }
            assertTrue(xs[i].grad() != null, name + ": input " + i + " got no gradient");
            double[] analytic = xs[i].grad().toDoubleArray();
            double[] values = xs[i].toDoubleArray();
            for (int k = 0; k < values.length; k++) {
                double plus = objective(f, xs, i, values, k, values[k] + eps, w);
                double minus = objective(f, xs, i, values, k, values[k] - eps, w);
                double numeric = (plus - minus) / (2 * eps);
                double scale = Math.max(1.0, Math.abs(numeric));
                assertEquals(numeric, analytic[k], tolerance * scale * 10 + 1e-4 * scale * (eps > 1e-5 ? 1 : 0),
                        name + ": d/d input" + i + "[" + k + "]");
            }
        }
    }

    private static double objective(Function<Tensor[], Tensor> f, Tensor[] xs, int which, double[] values, int k,
                                    double v, Tensor w) {
        double[] changed = values.clone();
        changed[k] = v;
        Tensor[] args = xs.clone();
        args[which] = Tensor.of(changed, xs[which].shape());
        try (var ignored = Autograd.noGrad()) {
            return f.apply(args).mul(w).sum().item();
        }
    }
}
