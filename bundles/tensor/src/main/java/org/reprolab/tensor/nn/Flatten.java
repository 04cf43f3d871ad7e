package org.reprolab.tensor.nn;

import org.reprolab.tensor.Tensor;

/** Merges dimensions start..end (by default all but the batch dimension) into one. */
public final class Flatten extends Module {
    private final int start;
    private final int end;

    public Flatten() {
        this(1, -1);
    }

    public Flatten(int start, int end) {
        this.start = start;
        this.end = end;
    }

    @Override
    public Tensor forward(Tensor input) {
        return input.flatten(start, end);
    }
}
