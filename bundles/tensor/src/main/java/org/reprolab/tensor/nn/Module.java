package org.reprolab.tensor.nn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Tensor;

/**
 * A piece of a model, as in PyTorch: parameters (tensors that require grad), buffers (state that is saved
 * but not trained, e.g. BatchNorm's running mean) and child modules, all registered under names so that
 * {@link #namedParameters()} and {@link #stateDict()} give stable dotted names ("encoder.0.weight").
 * Subclasses register in their constructor and implement {@link #forward}.
 */
public abstract class Module {
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** The module's computation on one input (modules with several inputs add their own methods). */
    public abstract Tensor forward(Tensor input);

    /** Registers a trainable tensor (it is marked requiresGrad) and returns it. */
    protected final Tensor parameter(String name, Tensor value) {
        checkName(name);
        value.requiresGrad(true);
        parameters.put(name, value);
        return value;
    }

    /** Registers a saved, untrained tensor and returns it. */
    protected final Tensor buffer(String name, Tensor value) {
        checkName(name);
        buffers.put(name, value);
        return value;
    }

    /** Replaces a buffer's tensor (e.g. a running statistic updated out of place). */
    protected final void setBuffer(String name, Tensor value) {
        if (!buffers.containsKey(name)) {
            throw new IllegalArgumentException("no buffer named '" + name + "' in " + getClass().getSimpleName());
        }
        buffers.put(name, value);
    }

    protected final Tensor buffer(String name) {
        return buffers.get(name);
    }

    /** Registers a child module and returns it. */
    protected final <M extends Module> M child(String name, M module) {
        checkName(name);
        children.put(name, module);
        return module;
    }

    private void checkName(String name) {
        if (name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException("bad name '" + name + "': names are non-empty and have no dots");
        }
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException("'" + name + "' is already registered in "
                    + getClass().getSimpleName());
        }
    }

    /** All parameters of this module and its descendants, by dotted name, in registration order. */
    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, false);
        return out;
    }

    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Parameters and buffers by dotted name: what {@code StateDict} saves. */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        collect("", out, true);
        return out;
    }

    private void collect(String prefix, Map<String, Tensor> out, boolean withBuffers) {
        parameters.forEach((k, v) -> out.put(prefix + k, v));
        if (withBuffers) {
            buffers.forEach((k, v) -> out.put(prefix + k, v));
        }
        children.forEach((k, m) -> m.collect(prefix + k + ".", out, withBuffers));
    }

    /**
     * Copies values into this module's parameters and buffers by name. Every name must match and every shape
     * agree; otherwise nothing is changed and the error lists the mismatches.
     */
    public final void loadStateDict(Map<String, Tensor> state) {
        Map<String, Tensor> mine = stateDict();
        List<String> problems = new ArrayList<>();
        for (var e : mine.entrySet()) {
            Tensor v = state.get(e.getKey());
            if (v == null) {
                problems.add("missing " + e.getKey());
            } else if (!java.util.Arrays.equals(v.shape(), e.getValue().shape())) {
                problems.add(e.getKey() + ": shape " + java.util.Arrays.toString(v.shape()) + " vs "
                        + java.util.Arrays.toString(e.getValue().shape()));
            }
        }
        for (String k : state.keySet()) {
            if (!mine.containsKey(k)) {
                problems.add("unexpected " + k);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("state does not fit " + getClass().getSimpleName() + ": "
                    + String.join("; ", problems));
        }
        try (var ignored = Autograd.noGrad()) {
            mine.forEach((k, t) -> t.copyFrom(state.get(k).to(t.dtype())));
        }
    }

    public final Map<String, Module> children() {
        return java.util.Collections.unmodifiableMap(children);
    }

    /** Training mode (dropout active, batch statistics) for this module and its descendants. */
    public Module train() {
        return setTraining(true);
    }

    /** Evaluation mode (dropout off, running statistics). */
    public Module eval() {
        return setTraining(false);
    }

    private Module setTraining(boolean value) {
        training = value;
        children.values().forEach(c -> c.setTraining(value));
        return this;
    }

    public final boolean isTraining() {
        return training;
    }

    /** Clears every parameter's gradient. */
    public final void zeroGrad() {
        parameters().forEach(Tensor::zeroGrad);
    }

    /** The number of trainable scalars. */
    public final long parameterCount() {
        long n = 0;
        for (Tensor p : parameters()) {
            n += p.numel();
        }
        return n;
    }
}
