package org.reprolab.tensor;

import java.util.ArrayList;
import java.util.List;

/**
 * A differentiable op defined by a method: forward on tensors, backward by hand (e.g. a straight-through
 * estimator: forward rounds, backward passes the gradient unchanged). Forward runs with no graph recorded.
 *
 * <pre>{@code
 * Tensor q = new Function() {
 *     protected Tensor forward(Context ctx, Tensor... in) { return in[0].round(); }
 *     protected Tensor[] backward(Context ctx, Tensor g) { return new Tensor[] {g}; }
 * }.apply(x);
 * }</pre>
 */
public abstract class Function {

    /** What forward keeps for backward. */
    public static final class Context {
        private final List<Tensor> saved = new ArrayList<>();

        public void save(Tensor... tensors) {
            saved.addAll(List.of(tensors));
        }

        public Tensor saved(int i) {
            return saved.get(i);
        }
    }

    protected abstract Tensor forward(Context ctx, Tensor... inputs);

    /** One gradient per input (null for inputs without one), each shaped like its input. */
    protected abstract Tensor[] backward(Context ctx, Tensor gradOutput);

    public final Tensor apply(Tensor... inputs) {
        Context ctx = new Context();
        Tensor out;
        try (var ignored = Autograd.noGrad()) {
            out = forward(ctx, inputs).detach();
        }
        String name = getClass().getSimpleName().isEmpty() ? "function" : getClass().getSimpleName();
        return Autograd.record(out, name, g -> {
            Tensor[] grads = backward(ctx, g);
            if (grads.length != inputs.length) {
                throw new IllegalStateException(name + ".backward returned " + grads.length + " gradients for "
                        + inputs.length + " inputs");
            }
            return grads;
        }, inputs);
    }
}
