package org.reprolab.tensor.optim;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.reprolab.tensor.Tensor;

/**
 * Parameters that share hyperparameters, as in PyTorch's {@code param_groups}: a group reads an option (e.g.
 * {@code lr}) from its own overrides first, then from its optimizer's defaults. Schedules and callers change
 * a group's learning rate through {@link #setLr}.
 *
 * <pre>{@code
 * var opt = new SGD(0.1, new ParamGroup(backbone.parameters()).setLr(0.01), new ParamGroup(head.parameters()));
 * }</pre>
 */
public final class ParamGroup {
    public static final String LR = "lr";
    public static final String WEIGHT_DECAY = "weightDecay";
    public static final String MOMENTUM = "momentum";
    public static final String DAMPENING = "dampening";
    public static final String BETA1 = "beta1";
    public static final String BETA2 = "beta2";
    public static final String EPS = "eps";

    private final List<Tensor> params;
    private final Map<String, Double> overrides = new LinkedHashMap<>();
    private Map<String, Double> defaults;
    private String owner;

    public ParamGroup(List<Tensor> params) {
        if (params.isEmpty()) {
            throw new IllegalArgumentException("a parameter group needs at least one parameter");
        }
        for (Tensor p : params) {
            if (!p.dtype().isFloating()) {
                throw new IllegalArgumentException("parameters must be floating-point, got " + p);
            }
        }
        this.params = List.copyOf(params);
    }

    public List<Tensor> params() {
        return params;
    }

    /** The option's value for this group; an unknown name is an error listing the known ones. */
    public double get(String option) {
        Double v = overrides.get(option);
        if (v == null && defaults != null) {
            v = defaults.get(option);
        }
        if (v == null) {
            throw new IllegalArgumentException("no option '" + option + "'" + known());
        }
        return v;
    }

    /** Overrides an option for this group only (before or after the group joins an optimizer). Returns this. */
    public ParamGroup set(String option, double value) {
        if (defaults != null && !defaults.containsKey(option)) {
            throw new IllegalArgumentException("no option '" + option + "'" + known());
        }
        Optimizer.checkOption(option, value);
        overrides.put(option, value);
        return this;
    }

    public double lr() {
        return get(LR);
    }

    public ParamGroup setLr(double lr) {
        return set(LR, lr);
    }

    /** Every option this group sees (defaults merged with its overrides), in a new map. */
    public Map<String, Double> options() {
        Map<String, Double> out = new LinkedHashMap<>(defaults == null ? Map.of() : defaults);
        out.putAll(overrides);
        return Collections.unmodifiableMap(out);
    }

    /** Binds the group to its optimizer's defaults; overrides must name options the optimizer has. */
    void attach(String optimizer, Map<String, Double> optimizerDefaults) {
        if (owner != null) {
            throw new IllegalArgumentException("this parameter group already belongs to a " + owner);
        }
        List<String> unknown = new ArrayList<>();
        for (String k : overrides.keySet()) {
            if (!optimizerDefaults.containsKey(k)) {
                unknown.add(k);
            }
        }
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException(optimizer + " has no option " + String.join(", ", unknown)
                    + ": it knows " + String.join(", ", optimizerDefaults.keySet()));
        }
        this.owner = optimizer;
        this.defaults = optimizerDefaults;
    }

    private String known() {
        return defaults == null ? " (the group has not joined an optimizer yet)"
                : " for " + owner + ": it knows " + String.join(", ", defaults.keySet());
    }

    @Override
    public String toString() {
        return "ParamGroup(" + params.size() + " parameters, " + options() + ")";
    }
}
