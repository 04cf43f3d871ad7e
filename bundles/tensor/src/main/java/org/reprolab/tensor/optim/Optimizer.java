package org.reprolab.tensor.optim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Tensor;

/**
 * Updates parameters from their gradients, PyTorch-style: {@code zeroGrad(); loss.backward(); step();}.
 * Parameters are organised in {@link ParamGroup}s (each may override the optimizer's default options, e.g. its
 * own lr); each parameter gets its own {@link ParamState} (moment buffers and step count) on first update.
 *
 * <p>Updates run inside {@code Autograd.noGrad()} and stay on the parameters' device: subclasses write into
 * their state buffers and into scratch buffers from {@link #scratch} (shared by all parameters of one dtype
 * and device), so a step allocates no parameter-sized temporaries and reads nothing back to the host.
 * Parameters without a gradient (not reached by the last backward) are skipped, as in PyTorch.
 */
public abstract class Optimizer {
    private final String name;
    private final List<ParamGroup> groups;
    private final Map<String, Double> defaults;
    private final Map<Tensor, ParamState> state = new IdentityHashMap<>();
    private final Map<List<Object>, Tensor> largest = new HashMap<>();
    private final Map<List<Object>, Tensor> workspace = new HashMap<>();

    /**
     * @param defaults every option this optimizer reads, with its default (an insertion-ordered map)
     */
    protected Optimizer(List<ParamGroup> groups, Map<String, Double> defaults) {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("an optimizer needs at least one parameter group");
        }
        this.name = getClass().getSimpleName();
        defaults.forEach(Optimizer::checkOption);
        this.defaults = new LinkedHashMap<>(defaults);
        this.groups = List.copyOf(groups);
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (ParamGroup g : this.groups) {
            g.attach(name, this.defaults);
            for (Tensor p : g.params()) {
                if (!seen.add(p)) {
                    throw new IllegalArgumentException("a parameter appears twice in " + name + "'s groups: " + p);
                }
                largest.merge(key(p, 0), p, (a, b) -> a.numel() >= b.numel() ? a : b);
            }
        }
    }

    static List<ParamGroup> single(List<Tensor> params) {
        return List.of(new ParamGroup(params));
    }

    static Map<String, Double> lrDefault(double lr, Map<String, Double> rest) {
        Map<String, Double> d = new LinkedHashMap<>();
        d.put(ParamGroup.LR, lr);
        d.putAll(rest);
        return d;
    }

    /** Validates an option's value where the optimizers would otherwise silently misbehave. */
    static void checkOption(String option, double value) {
        boolean ok = switch (option) {
            case ParamGroup.LR, ParamGroup.WEIGHT_DECAY, ParamGroup.MOMENTUM, ParamGroup.EPS -> value >= 0;
            case ParamGroup.BETA1, ParamGroup.BETA2 -> value >= 0 && value < 1;
            default -> true;
        };
        if (!ok || !Double.isFinite(value)) {
            throw new IllegalArgumentException("invalid " + option + " = " + value);
        }
    }

    // ---- the training loop ---------------------------------------------------------------------------------

    /** Clears every parameter's gradient (sets it to none, so the next backward starts afresh). */
    public void zeroGrad() {
        for (ParamGroup g : groups) {
            g.params().forEach(Tensor::zeroGrad);
        }
    }

    /** Applies one update to every parameter that has a gradient. */
    public final void step() {
        try (var ignored = Autograd.noGrad()) {
            for (ParamGroup g : groups) {
                for (Tensor p : g.params()) {
                    Tensor grad = p.grad();
                    if (grad == null) {
                        continue;
                    }
                    ParamState s = state.computeIfAbsent(p, ParamState::new);
                    s.step++;
                    update(g, p, grad, s);
                }
            }
        }
    }

    /**
     * Updates one parameter in place from its gradient; {@code state.step()} is already this update's number
     * (1 on the first). Runs inside {@code noGrad()}; must not modify {@code grad}.
     */
    protected abstract void update(ParamGroup group, Tensor param, Tensor grad, ParamState state);

    /**
     * A scratch tensor shaped like {@code like}, for temporaries within one {@link #update}: slot {@code k}
     * is the same storage for every parameter of like's dtype and device, so its contents do not survive to
     * the next parameter.
     */
    protected final Tensor scratch(int slot, Tensor like) {
        List<Object> key = key(like, slot);
        Tensor flat = workspace.get(key);
        if (flat == null || flat.numel() < like.numel()) {
            Tensor big = largest.getOrDefault(key(like, 0), like);
            flat = (big.numel() >= like.numel() ? big : like).zerosLike().reshape(-1);
            workspace.put(key, flat);
        }
        return flat.narrow(0, 0, like.numel()).reshape(like.shape());
    }

    private static List<Object> key(Tensor t, int slot) {
        return List.of(t.backend(), t.dtype(), slot);
    }

    // ---- groups and options --------------------------------------------------------------------------------

    public final List<ParamGroup> paramGroups() {
        return groups;
    }

    /** The default value of an option (groups may override it). */
    public final double option(String option) {
        Double v = defaults.get(option);
        if (v == null) {
            throw new IllegalArgumentException(name + " has no option '" + option + "': it knows "
                    + String.join(", ", defaults.keySet()));
        }
        return v;
    }

    /** Changes an option's default; groups that override it keep their own value. */
    protected final void setOption(String option, double value) {
        option(option);
        checkOption(option, value);
        defaults.put(option, value);
    }

    /** The first group's learning rate. */
    public final double lr() {
        return groups.get(0).lr();
    }

    /** Sets the learning rate of every group. */
    public final void setLr(double lr) {
        groups.forEach(g -> g.setLr(lr));
    }

    /** The state of a parameter, or null before its first update. */
    public final ParamState state(Tensor param) {
        return state.get(param);
    }

    // ---- saving ------------------------------------------------------------------------------------------------

    /**
     * Every group's options and every parameter's state as tensors, for {@code StateDict.save}: keys
     * {@code param_groups.<g>.<option>} (0-d float64), {@code state.<g>.<i>.step} (0-d float64, exact below
     * 2⁵³) and {@code state.<g>.<i>.<buffer>} (the live buffers, e.g. {@code exp_avg}), where i is the
     * parameter's index within group g. Parameters are identified by position, as in PyTorch.
     */
    public Map<String, Tensor> stateDict() {
        Map<String, Tensor> out = new LinkedHashMap<>();
        for (int gi = 0; gi < groups.size(); gi++) {
            ParamGroup g = groups.get(gi);
            for (var e : g.options().entrySet()) {
                out.put("param_groups." + gi + "." + e.getKey(), Tensor.of(new double[] {e.getValue()}));
            }
        }
        for (int gi = 0; gi < groups.size(); gi++) {
            List<Tensor> params = groups.get(gi).params();
            for (int i = 0; i < params.size(); i++) {
                ParamState s = state.get(params.get(i));
                if (s == null) {
                    continue;
                }
                String prefix = "state." + gi + "." + i + ".";
                out.put(prefix + "step", Tensor.of(new double[] {s.step}));
                s.buffers().forEach((k, v) -> out.put(prefix + k, v));
            }
        }
        return out;
    }

    /**
     * Restores {@link #stateDict()}'s output into an optimizer over parameters of the same shapes in the same
     * group layout. Checks everything before changing anything; buffers are copied onto each parameter's
     * device and dtype.
     */
    public void loadStateDict(Map<String, Tensor> saved) {
        List<String> problems = new ArrayList<>();
        Map<Tensor, Map<String, Tensor>> buffers = new IdentityHashMap<>();
        Map<Tensor, Long> steps = new IdentityHashMap<>();
        Map<ParamGroup, Map<String, Double>> options = new IdentityHashMap<>();
        for (var e : saved.entrySet()) {
            String k = e.getKey();
            String[] parts = k.split("\\.", 4);
            try {
                if (parts[0].equals("param_groups") && parts.length == 3) {
                    ParamGroup g = groups.get(Integer.parseInt(parts[1]));
                    if (!defaults.containsKey(parts[2])) {
                        problems.add("unknown option " + k);
                    } else {
                        options.computeIfAbsent(g, x -> new LinkedHashMap<>()).put(parts[2], e.getValue().item());
                    }
                } else if (parts[0].equals("state") && parts.length == 4) {
                    Tensor p = groups.get(Integer.parseInt(parts[1])).params().get(Integer.parseInt(parts[2]));
                    Tensor v = e.getValue();
                    if (parts[3].equals("step")) {
                        steps.put(p, (long) v.item());
                    } else if (!Arrays.equals(v.shape(), p.shape())) {
                        problems.add(k + ": shape " + Arrays.toString(v.shape()) + " vs parameter "
                                + Arrays.toString(p.shape()));
                    } else {
                        buffers.computeIfAbsent(p, x -> new LinkedHashMap<>()).put(parts[3], v);
                    }
                } else {
                    problems.add("unexpected " + k);
                }
            } catch (IndexOutOfBoundsException | NumberFormatException ex) {
                problems.add(k + " names no parameter of this optimizer's " + groups.size() + " group(s)");
            } catch (IllegalStateException ex) {
                problems.add(k + ": " + ex.getMessage());
            }
        }
        for (Tensor p : buffers.keySet()) {
            if (!steps.containsKey(p)) {
                problems.add("buffers without a step count for a parameter of shape "
                        + Arrays.toString(p.shape()));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("optimizer state does not fit this " + name + ": "
                    + String.join("; ", problems));
        }
        options.forEach((g, o) -> o.forEach(g::set));
        state.clear();
        try (var ignored = Autograd.noGrad()) {
            steps.forEach((p, step) -> {
                ParamState s = new ParamState(p);
                s.step = step;
                buffers.getOrDefault(p, Map.of()).forEach((k, v) ->
                        s.buffer(k).copyFrom(v.to(p.backend()).to(p.dtype())));
                state.put(p, s);
            });
        }
    }

    /** The buffers of one parameter, created zero-filled on first use, and its update count. */
    public static final class ParamState {
        private final Tensor param;
        private final Map<String, Tensor> buffers = new LinkedHashMap<>();
        private long step;

        ParamState(Tensor param) {
            this.param = param;
        }

        /** How many updates this parameter has had, counting the one in progress. */
        public long step() {
            return step;
        }

        /** Whether a buffer exists yet. */
        public boolean has(String name) {
            return buffers.containsKey(name);
        }

        /** The named buffer, shaped like the parameter; zeros when first asked for. */
        public Tensor buffer(String name) {
            return buffers.computeIfAbsent(name, k -> param.zerosLike());
        }

        public Map<String, Tensor> buffers() {
            return Collections.unmodifiableMap(buffers);
        }
    }
}
