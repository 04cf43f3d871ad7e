package org.reprolab.tensor;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Collections;

/**
 * Reverse-mode automatic differentiation: ops record a {@link Node} on their output; {@link #backward}
 * walks the graph once in reverse topological order and accumulates gradients into the leaves.
 */
public final class Autograd {
    private static final ThreadLocal<int[]> NO_GRAD_DEPTH = ThreadLocal.withInitial(() -> new int[1]);

    private Autograd() {
    }

    /** The gradient of one op: maps the output's gradient to one gradient per input (null where none). */
    @FunctionalInterface
    public interface Backward {
        Tensor[] apply(Tensor gradOutput);
    }

    /** How an output was made: the op's name, its inputs and its backward. */
    public record Node(String op, Tensor[] inputs, Backward backward) {
    }

    /** A scope in which ops record no graph: {@code try (var g = Autograd.noGrad()) { … }}. */
    public static final class NoGrad implements AutoCloseable {
        private boolean closed;

        private NoGrad() {
            NO_GRAD_DEPTH.get()[0]++;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                NO_GRAD_DEPTH.get()[0]--;
            }
        }
    }

    public static NoGrad noGrad() {
        return new NoGrad();
    }

    public static boolean isGradEnabled() {
        return NO_GRAD_DEPTH.get()[0] == 0;
    }

    /** Whether an op over these inputs must record its backward. */
    static boolean needsGrad(Tensor... inputs) {
        if (!isGradEnabled()) {
            return false;
        }
        for (Tensor t : inputs) {
            if (t != null && t.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    /** Attaches the op's backward to {@code out} when any input needs a gradient; returns out. */
    static Tensor record(Tensor out, String op, Backward backward, Tensor... inputs) {
        if (needsGrad(inputs)) {
            out.setGradFn(new Node(op, inputs, backward));
        }
        return out;
    }

    static void backward(Tensor root, Tensor seed) {
        List<Tensor> order = topologicalOrder(root);
        Map<Tensor, Tensor> grads = new IdentityHashMap<>();
        grads.put(root, seed);
        // storages a leaf may not keep: the caller's seed, and any already given to another leaf
        Set<Object> handedToLeaves = Collections.newSetFromMap(new IdentityHashMap<>());
        handedToLeaves.add(seed.view().storage());
        try (NoGrad ignored = noGrad()) {
            for (int i = order.size() - 1; i >= 0; i--) {
                Tensor t = order.get(i);
                Tensor g = grads.remove(t);
                if (g == null) {
                    continue;
                }
                Node node = t.gradFn();
                if (node == null) {
                    // a leaf may keep g itself only if g owns its whole storage and no other leaf got it
                    boolean owned = g.isContiguous() && g.view().storage().size() == g.numel()
                            && handedToLeaves.add(g.view().storage());
                    t.accumulateGrad(g, owned);
                    continue;
                }
                Tensor[] inputGrads = node.backward().apply(g);
                for (int k = 0; k < node.inputs().length; k++) {
                    Tensor in = node.inputs()[k];
                    Tensor gi = inputGrads[k];
                    if (in == null || gi == null || !in.requiresGrad()) {
                        continue;
                    }
                    if (!java.util.Arrays.equals(gi.shape(), in.shape())) {
                        throw new IllegalStateException("backward of " + node.op() + " gave a gradient of shape "
                                + Shapes.format(gi.shape()) + " for an input of shape " + Shapes.format(in.shape()));
                    }
                    Tensor prev = grads.get(in);
                    grads.put(in, prev == null ? gi : prev.add(gi));
                }
            }
        }
    }

    /** Tensors reachable from root through gradFn inputs that need gradients, inputs before outputs. */
    private static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {root, 0});
        visited.add(root);
        while (!stack.isEmpty()) {
            Object[] frame = stack.peek();
            Tensor t = (Tensor) frame[0];
            int next = (Integer) frame[1];
            Node node = t.gradFn();
            Tensor[] inputs = node == null ? new Tensor[0] : node.inputs();
            if (next < inputs.length) {
                frame[1] = next + 1;
                Tensor in = inputs[next];
                if (in != null && in.requiresGrad() && visited.add(in)) {
                    stack.push(new Object[] {in, 0});
                }
            } else {
                stack.pop();
                order.add(t);
            }
        }
        return order;
    }
}
