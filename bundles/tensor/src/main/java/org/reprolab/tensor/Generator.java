package org.reprolab.tensor;

import org.reprolab.tensor.backend.Backend;
import org.reprolab.tensor.backend.CounterRng;
import org.reprolab.tensor.backend.DType;

/**
 * An explicit, seeded source of random tensors. Draws come from the counter-based stream of
 * {@link CounterRng}: the generator only advances a counter, so the numbers are the same on every backend
 * and thread count. Give each purpose its own generator (e.g. from {@code RunContext} streams).
 */
public final class Generator {
    private final long seed;
    private long counter;

    public Generator(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** An independent generator derived from this one's seed and a name (e.g. "init", "dropout"). */
    public Generator fork(String name) {
        long h = seed;
        for (char c : name.toCharArray()) {
            h = CounterRng.mix(h ^ c);
        }
        return new Generator(h);
    }

    private long advance(int n) {
        long start = counter;
        counter += n;
        return start;
    }

    private static Backend backend() {
        return Backends.current();
    }

    /** Uniform in [low, high). */
    public Tensor uniform(double low, double high, int... shape) {
        Tensor t = Tensor.empty(backend(), DType.FLOAT32, shape);
        t.backend().randomUniform(t.view(), seed, advance(t.numel()), low, high);
        return t;
    }

    public Tensor rand(int... shape) {
        return uniform(0, 1, shape);
    }

    /** Normal with the given mean and standard deviation. */
    public Tensor normal(double mean, double std, int... shape) {
        Tensor t = Tensor.empty(backend(), DType.FLOAT32, shape);
        t.backend().randomNormal(t.view(), seed, advance(t.numel()), mean, std);
        return t;
    }

    public Tensor randn(int... shape) {
        return normal(0, 1, shape);
    }

    /** 1 with probability p, else 0 (float32). */
    public Tensor bernoulli(double p, int... shape) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("bernoulli: p = " + p + " is outside [0, 1]");
        }
        return rand(shape).lt(p).to(DType.FLOAT32);
    }

    /** 1 with probability p (elementwise, p a float tensor), else 0. */
    public Tensor bernoulli(Tensor p) {
        return rand(p.shape()).lt(p).to(p.dtype());
    }

    /** Integers uniform in [low, high) as INT32. */
    public Tensor randint(int low, int high, int... shape) {
        if (high <= low) {
            throw new IllegalArgumentException("randint: empty range [" + low + ", " + high + ")");
        }
        return uniform(0, 1, shape).to(DType.FLOAT64).mul(high - low).floor().add(low).to(DType.INT32);
    }

    /**
     * Draws one category per row from unnormalized non-negative weights {@code probs} [..., C], by inverting
     * the cumulative distribution; returns INT32 of shape [...].
     */
    public Tensor categorical(Tensor probs) {
        Tensor p = probs.to(DType.FLOAT64);
        Tensor cdf = p.cumsum(-1);
        Tensor total = cdf.narrow(-1, cdf.size(-1) - 1, 1);
        Tensor u = rand(total.shape()).to(DType.FLOAT64).mul(total);
        // the category is the number of cumulative weights ≤ u (clamped for u at the top edge)
        Tensor count = cdf.le(u).to(DType.INT32).sum(-1);
        return count.to(DType.FLOAT64).minimum(count.scalarLike(probs.size(-1) - 1).to(DType.FLOAT64)).to(DType.INT32);
    }

    /** A random permutation of 0..n−1 (INT32). */
    public Tensor permutation(int n) {
        return rand(n).argsort(false);
    }
}
