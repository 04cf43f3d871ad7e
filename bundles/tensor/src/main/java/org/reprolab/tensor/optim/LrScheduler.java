package org.reprolab.tensor.optim;

import java.util.List;

/**
 * Drives an optimizer's learning rates by a {@link Schedule}: each group's lr when the scheduler is made is
 * its base lr; the scheduler sets lr(base, 0) at once and lr(base, t) after its t-th {@link #step()}. Call
 * {@code step()} after {@code optimizer.step()}, once per update (or per epoch, if the schedule counts epochs).
 */
public final class LrScheduler {
    private final Optimizer optimizer;
    private final Schedule schedule;
    private final double[] baseLrs;
    private long step;

    public LrScheduler(Optimizer optimizer, Schedule schedule) {
        this.optimizer = optimizer;
        this.schedule = schedule;
        List<ParamGroup> groups = optimizer.paramGroups();
        this.baseLrs = new double[groups.size()];
        for (int i = 0; i < baseLrs.length; i++) {
            baseLrs[i] = groups.get(i).lr();
        }
        apply();
    }

    /** Advances one step and sets every group's lr. */
    public void step() {
        step++;
        apply();
    }

    /** How many times {@link #step()} has been called (or the step restored by {@link #setStep}). */
    public long stepCount() {
        return step;
    }

    /** Jumps to a step, e.g. when resuming from a checkpoint, and sets the lrs for it. */
    public void setStep(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be ≥ 0, got " + step);
        }
        this.step = step;
        apply();
    }

    /** The first group's current lr. */
    public double lr() {
        return optimizer.lr();
    }

    private void apply() {
        List<ParamGroup> groups = optimizer.paramGroups();
        for (int i = 0; i < baseLrs.length; i++) {
            groups.get(i).setLr(schedule.lr(baseLrs[i], step));
        }
    }
}
