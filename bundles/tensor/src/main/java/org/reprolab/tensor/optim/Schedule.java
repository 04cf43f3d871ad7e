package org.reprolab.tensor.optim;

/**
 * A learning-rate schedule: the lr for a step, given the base lr (a group's lr when its {@link LrScheduler}
 * was made). Steps count from 0, the first update. See {@link Schedules} for the usual ones.
 */
@FunctionalInterface
public interface Schedule {
    double lr(double baseLr, long step);

    /** This schedule for its first {@code steps} steps, then {@code next} (which sees its steps from 0). */
    default Schedule then(long steps, Schedule next) {
        if (steps < 0) {
            throw new IllegalArgumentException("steps must be ≥ 0, got " + steps);
        }
        return (base, step) -> step < steps ? lr(base, step) : next.lr(base, step - steps);
    }
}
