package org.reprolab.tensor.jvm;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;
import jdk.incubator.vector.FloatVector;
import org.reprolab.tensor.backend.Backend;
import org.reprolab.tensor.backend.BinaryOp;
import org.reprolab.tensor.backend.CounterRng;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.backend.Device;
import org.reprolab.tensor.backend.ReduceOp;
import org.reprolab.tensor.backend.Storage;
import org.reprolab.tensor.backend.UnaryOp;
import org.reprolab.tensor.backend.View;

/**
 * The reference backend: heap arrays, float32 fast paths (Vector API GEMM, loops the JIT vectorizes), a
 * fork/join pool of a fixed size. Work is split into fixed chunks and every output element is computed by one
 * task in a fixed order, so results depend on the inputs only — not on timing or on the thread count.
 */
public final class JvmBackend implements Backend {
    private final ForkJoinPool pool;
    private final int threads;

    /** A backend with one worker per available processor. */
    public JvmBackend() {
        this(Runtime.getRuntime().availableProcessors());
    }

    public JvmBackend(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be ≥ 1, got " + threads);
        }
        this.threads = threads;
        this.pool = threads == 1 ? null : new ForkJoinPool(threads, p -> {
            var t = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(p);
            t.setName("reprolab-jvm-backend-" + t.getPoolIndex());
            t.setDaemon(true);
            return t;
        }, null, false);
    }

    /** The worker pool, or null when single-threaded. */
    public ForkJoinPool pool() {
        return pool;
    }

    public int threads() {
        return threads;
    }

    @Override
    public Device device() {
        return Device.JVM;
    }

    @Override
    public String description() {
        return "JVM (Vector API " + FloatVector.SPECIES_PREFERRED.vectorBitSize() + "-bit, " + threads + " thread"
                + (threads == 1 ? "" : "s") + ")";
    }

    @Override
    public Storage allocate(DType dtype, int size) {
        return new JvmStorage(dtype, size);
    }

    private static JvmStorage s(View v) {
        return (JvmStorage) v.storage();
    }

    private static boolean f32(View... views) {
        for (View v : views) {
            if (v.dtype() != DType.FLOAT32) {
                return false;
            }
        }
        return true;
    }

    // ---- host transfer -------------------------------------------------------------------------------------

    @Override
    public void write(Storage dst, int offset, double[] values) {
        JvmStorage d = (JvmStorage) dst;
        for (int k = 0; k < values.length; k++) {
            d.set(offset + k, values[k]);
        }
    }

    @Override
    public void write(Storage dst, int offset, float[] values) {
        JvmStorage d = (JvmStorage) dst;
        if (d.f != null) {
            System.arraycopy(values, 0, d.f, offset, values.length);
        } else {
            for (int k = 0; k < values.length; k++) {
                d.set(offset + k, values[k]);
            }
        }
    }

    @Override
    public void write(Storage dst, int offset, int[] values) {
        JvmStorage d = (JvmStorage) dst;
        if (d.i != null && d.dtype == DType.INT32) {
            System.arraycopy(values, 0, d.i, offset, values.length);
        } else {
            for (int k = 0; k < values.length; k++) {
                d.set(offset + k, values[k]);
            }
        }
    }

    @Override
    public float[] readFloats(View src) {
        float[] out = new float[src.numel()];
        JvmStorage x = s(src);
        int[] pos = {0};
        Strided.of(src).forEachRow(null, (o, st, n) -> {
            int p = pos[0];
            if (x.f != null && st[0] == 1) {
                System.arraycopy(x.f, o[0], out, p, n);
            } else {
                for (int j = 0; j < n; j++) {
                    out[p + j] = (float) x.get(o[0] + j * st[0]);
                }
            }
            pos[0] = p + n;
        });
        return out;
    }

    @Override
    public double[] readDoubles(View src) {
        double[] out = new double[src.numel()];
        JvmStorage x = s(src);
        int[] pos = {0};
        Strided.of(src).forEachRow(null, (o, st, n) -> {
            int p = pos[0];
            for (int j = 0; j < n; j++) {
                out[p + j] = x.get(o[0] + j * st[0]);
            }
            pos[0] = p + n;
        });
        return out;
    }

    @Override
    public int[] readInts(View src) {
        int[] out = new int[src.numel()];
        JvmStorage x = s(src);
        int[] pos = {0};
        Strided.of(src).forEachRow(null, (o, st, n) -> {
            int p = pos[0];
            for (int j = 0; j < n; j++) {
                out[p + j] = (int) x.get(o[0] + j * st[0]);
            }
            pos[0] = p + n;
        });
        return out;
    }

    @Override
    public void copy(View src, View dst) {
        JvmStorage x = s(src);
        JvmStorage y = s(dst);
        if (f32(src, dst)) {
            Strided.of(dst, src).forEachRow(pool, (o, st, n) -> {
                if (st[0] == 1 && st[1] == 1) {
                    System.arraycopy(x.f, o[1], y.f, o[0], n);
                } else {
                    for (int j = 0; j < n; j++) {
                        y.f[o[0] + j * st[0]] = x.f[o[1] + j * st[1]];
                    }
                }
            });
        } else {
            Strided.of(dst, src).forEachRow(pool, (o, st, n) -> {
                for (int j = 0; j < n; j++) {
                    y.set(o[0] + j * st[0], x.get(o[1] + j * st[1]));
                }
            });
        }
    }

    @Override
    public void fill(View dst, double value) {
        JvmStorage y = s(dst);
        Strided.of(dst).forEachRow(pool, (o, st, n) -> {
            if (y.f != null && st[0] == 1) {
                Arrays.fill(y.f, o[0], o[0] + n, (float) value);
            } else {
                for (int j = 0; j < n; j++) {
                    y.set(o[0] + j * st[0], value);
                }
            }
        });
    }

    // ---- elementwise ---------------------------------------------------------------------------------------

    @Override
    public void unary(UnaryOp op, View x, View out) {
        JvmStorage a = s(x);
        JvmStorage y = s(out);
        if (f32(x, out)) {
            Strided.of(out, x).forEachRow(pool, (o, st, n) -> Pointwise.unary(op, a.f, o[1], st[1], y.f, o[0], st[0], n));
        } else {
            Strided.of(out, x).forEachRow(pool, (o, st, n) -> {
                for (int j = 0; j < n; j++) {
                    y.set(o[0] + j * st[0], op.apply(a.get(o[1] + j * st[1])));
                }
            });
        }
    }

    @Override
    public void binary(BinaryOp op, View a, View b, View out) {
        JvmStorage x = s(a);
        JvmStorage z = s(b);
        JvmStorage y = s(out);
        if (f32(a, b, out)) {
            Strided.of(out, a, b).forEachRow(pool,
                    (o, st, n) -> Pointwise.binary(op, x.f, o[1], st[1], z.f, o[2], st[2], y.f, o[0], st[0], n));
        } else {
            Strided.of(out, a, b).forEachRow(pool, (o, st, n) -> {
                for (int j = 0; j < n; j++) {
                    y.set(o[0] + j * st[0], op.apply(x.get(o[1] + j * st[1]), z.get(o[2] + j * st[2])));
                }
            });
        }
    }

    @Override
    public void where(View cond, View a, View b, View out) {
        JvmStorage c = s(cond);
        JvmStorage x = s(a);
        JvmStorage z = s(b);
        JvmStorage y = s(out);
        if (f32(a, b, out) && c.i != null) {
            Strided.of(out, cond, a, b).forEachRow(pool, (o, st, n) -> {
                for (int j = 0; j < n; j++) {
                    y.f[o[0] + j * st[0]] = c.i[o[1] + j * st[1]] != 0 ? x.f[o[2] + j * st[2]] : z.f[o[3] + j * st[3]];
                }
            });
            return;
        }
        Strided.of(out, cond, a, b).forEachRow(pool, (o, st, n) -> {
            for (int j = 0; j < n; j++) {
                boolean take = c.get(o[1] + j * st[1]) != 0;
                y.set(o[0] + j * st[0], take ? x.get(o[2] + j * st[2]) : z.get(o[3] + j * st[3]));
            }
        });
    }

    // ---- reductions ----------------------------------------------------------------------------------------

    @Override
    public void reduce(ReduceOp op, View x, int dim, View out) {
        JvmStorage a = s(x);
        JvmStorage y = s(out);
        if (op == ReduceOp.SUM && f32(x, out) && x.isContiguous() && out.isContiguous()
                && dim < x.rank() - 1) {
            sumRows(a.f, x, dim, y.f, out.offset());
            return;
        }
        int len = x.shape()[dim];
        int step = x.strides()[dim];
        View rest = x.dropDim(dim);
        Strided.of(out, rest).forEachRow(pool, (o, st, n) -> {
            for (int j = 0; j < n; j++) {
                int base = o[1] + j * st[1];
                y.set(o[0] + j * st[0], a.f != null ? Reductions.reduce(op, a.f, base, step, len)
                        : Reductions.reduce(op, a, base, step, len));
            }
        });
    }

    /**
     * Sums a contiguous tensor over a dimension that is not the last by adding whole rows (unit stride, in
     * double), in the same order as the strided walk, so both paths give the same bits.
     */
    private void sumRows(float[] x, View v, int dim, float[] out, int outOffset) {
        int[] shape = v.shape();
        int outer = 1;
        for (int d = 0; d < dim; d++) {
            outer *= shape[d];
        }
        int len = shape[dim];
        int inner = 1;
        for (int d = dim + 1; d < shape.length; d++) {
            inner *= shape[d];
        }
        final int innerSize = inner;
        final int rows = outer;
        ForkJoinPool p = (long) rows * len * inner < Strided.PARALLEL_THRESHOLD ? null : pool;
        Parallel.forRange(p, inner, (lo, hi) -> {
            double[] acc = new double[hi - lo];
            for (int o = 0; o < rows; o++) {
                java.util.Arrays.fill(acc, 0);
                int base = v.offset() + o * len * innerSize;
                for (int q = 0; q < len; q++) {
                    int row = base + q * innerSize;
                    for (int j = lo; j < hi; j++) {
                        acc[j - lo] += x[row + j];
                    }
                }
                int dst = outOffset + o * innerSize;
                for (int j = lo; j < hi; j++) {
                    out[dst + j] = (float) acc[j - lo];
                }
            }
        });
    }

    @Override
    public void cumsum(View x, int dim, View out) {
        JvmStorage a = s(x);
        JvmStorage y = s(out);
        int len = x.shape()[dim];
        int xs = x.strides()[dim];
        int ys = out.strides()[dim];
        Strided.of(out.dropDim(dim), x.dropDim(dim)).forEachRow(pool, (o, st, n) -> {
            for (int j = 0; j < n; j++) {
                int yo = o[0] + j * st[0];
                int xo = o[1] + j * st[1];
                double acc = 0;
                for (int p = 0; p < len; p++) {
                    acc += a.get(xo + p * xs);
                    y.set(yo + p * ys, acc);
                }
            }
        });
    }

    // ---- matrix product ------------------------------------------------------------------------------------

    @Override
    public void matmul(View a, View b, View out) {
        MatMul.run(a, b, out, pool);
    }

    // ---- softmax -------------------------------------------------------------------------------------------

    @Override
    public void softmax(View x, View out, boolean log) {
        int cols = x.shape()[x.rank() - 1];
        int rows = x.numel() / Math.max(cols, 1);
        JvmStorage a = s(x);
        JvmStorage y = s(out);
        if (f32(x, out)) {
            Parallel.forRange(rows * (long) cols < Strided.PARALLEL_THRESHOLD ? null : pool, rows, (lo, hi) -> {
                for (int r = lo; r < hi; r++) {
                    Reductions.softmaxRow(a.f, x.offset() + r * cols, y.f, out.offset() + r * cols, cols, log);
                }
            });
        } else {
            for (int r = 0; r < rows; r++) {
                Reductions.softmaxRow(a, x.offset() + r * cols, y, out.offset() + r * cols, cols, log);
            }
        }
    }

    @Override
    public void softmaxBackward(View yv, View gv, View out, boolean log) {
        int cols = yv.shape()[yv.rank() - 1];
        int rows = yv.numel() / Math.max(cols, 1);
        JvmStorage y = s(yv);
        JvmStorage g = s(gv);
        JvmStorage dx = s(out);
        Parallel.forRange(rows * (long) cols < Strided.PARALLEL_THRESHOLD ? null : pool, rows, (lo, hi) -> {
            for (int r = lo; r < hi; r++) {
                int yo = yv.offset() + r * cols;
                int go = gv.offset() + r * cols;
                int oo = out.offset() + r * cols;
                if (y.f != null && g.f != null && dx.f != null) {
                    Reductions.softmaxBackwardRow(y.f, yo, g.f, go, dx.f, oo, cols, log);
                } else if (log) {
                    // dx = g − softmax · Σg, with softmax = exp(y)
                    double sum = 0;
                    for (int c = 0; c < cols; c++) {
                        sum += g.get(go + c);
                    }
                    for (int c = 0; c < cols; c++) {
                        dx.set(oo + c, g.get(go + c) - Math.exp(y.get(yo + c)) * sum);
                    }
                } else {
                    // dx = y · (g − Σ y·g)
                    double dot = 0;
                    for (int c = 0; c < cols; c++) {
                        dot += y.get(yo + c) * g.get(go + c);
                    }
                    for (int c = 0; c < cols; c++) {
                        dx.set(oo + c, y.get(yo + c) * (g.get(go + c) - dot));
                    }
                }
            }
        });
    }

    // ---- indexing ------------------------------------------------------------------------------------------

    @Override
    public void gather(View x, int dim, View index, View out) {
        JvmStorage a = s(x);
        JvmStorage idx = s(index);
        JvmStorage y = s(out);
        int step = x.strides()[dim];
        View source = alongIndex(x, out.shape(), dim);
        Strided.of(out, index, source).forEachRow(pool, (o, st, n) -> {
            for (int j = 0; j < n; j++) {
                int i = idx.i[o[1] + j * st[1]];
                y.set(o[0] + j * st[0], a.get(o[2] + j * st[2] + i * step));
            }
        });
    }

    @Override
    public void scatterAdd(View src, int dim, View index, View out) {
        JvmStorage a = s(src);
        JvmStorage idx = s(index);
        JvmStorage y = s(out);
        int len = src.shape()[dim];
        int srcStep = src.strides()[dim];
        int idxStep = index.strides()[dim];
        int step = out.strides()[dim];
        View target = alongIndex(out, src.shape(), dim);
        // Two source elements can only land on one target if they agree on every coordinate but dim: each line
        // along dim is summed by one task in index order, so lines run in parallel and the sums never depend on
        // timing or thread count.
        Strided.of(src.dropDim(dim), index.dropDim(dim), target.dropDim(dim)).forEachRow(pool, (o, st, n) -> {
            for (int j = 0; j < n; j++) {
                int so = o[0] + j * st[0];
                int io = o[1] + j * st[1];
                int to = o[2] + j * st[2];
                for (int q = 0; q < len; q++) {
                    int t = to + idx.i[io + q * idxStep] * step;
                    if (y.f != null && a.f != null) {
                        y.f[t] += a.f[so + q * srcStep];
                    } else {
                        y.set(t, y.get(t) + a.get(so + q * srcStep));
                    }
                }
            }
        });
    }

    /** x's strides over the given shape, with the indexed dimension pinned at 0 (the index adds it). */
    private static View alongIndex(View x, int[] shape, int dim) {
        int[] strides = x.strides().clone();
        strides[dim] = 0;
        return new View(x.storage(), shape, strides, x.offset());
    }

    @Override
    public void sort(View x, boolean descending, View values, View indices) {
        int cols = x.shape()[x.rank() - 1];
        JvmStorage a = s(x);
        JvmStorage v = s(values);
        JvmStorage ix = s(indices);
        Strided.of(values.dropDim(values.rank() - 1), indices.dropDim(indices.rank() - 1), x.dropDim(x.rank() - 1))
                .forEachRow(pool, (o, st, n) -> {
                    int xs = x.strides()[x.rank() - 1];
                    int vs = values.strides()[values.rank() - 1];
                    int is = indices.strides()[indices.rank() - 1];
                    long[] keys = new long[cols];
                    for (int j = 0; j < n; j++) {
                        int xo = o[2] + j * st[2];
                        for (int c = 0; c < cols; c++) {
                            keys[c] = Reductions.sortKey(a.get(xo + c * xs), descending, c);
                        }
                        Arrays.sort(keys);
                        for (int c = 0; c < cols; c++) {
                            int from = (int) (keys[c] & 0xffffffffL);
                            v.set(o[0] + j * st[0] + c * vs, a.get(xo + from * xs));
                            ix.i[o[1] + j * st[1] + c * is] = from;
                        }
                    }
                });
    }

    // ---- random --------------------------------------------------------------------------------------------

    @Override
    public void randomUniform(View out, long seed, long counter, double low, double high) {
        JvmStorage y = s(out);
        int base = out.offset();
        Parallel.forRange(out.numel() < Strided.PARALLEL_THRESHOLD ? null : pool, out.numel(), (lo, hi) -> {
            for (int k = lo; k < hi; k++) {
                y.set(base + k, low + (high - low) * CounterRng.uniform(seed, counter + k));
            }
        });
    }

    @Override
    public void randomNormal(View out, long seed, long counter, double mean, double std) {
        JvmStorage y = s(out);
        int base = out.offset();
        Parallel.forRange(out.numel() < Strided.PARALLEL_THRESHOLD ? null : pool, out.numel(), (lo, hi) -> {
            for (int k = lo; k < hi; k++) {
                y.set(base + k, mean + std * CounterRng.normal(seed, counter + k));
            }
        });
    }

    // ---- convolution ---------------------------------------------------------------------------------------

    @Override
    public void im2col(View x, int kh, int kw, int strideH, int strideW, int padH, int padW, int dilH, int dilW,
                       View out) {
        Im2col.unfold(x, kh, kw, strideH, strideW, padH, padW, dilH, dilW, out, pool);
    }

    @Override
    public void col2im(View cols, int kh, int kw, int strideH, int strideW, int padH, int padW, int dilH, int dilW,
                       View out) {
        Im2col.fold(cols, kh, kw, strideH, strideW, padH, padW, dilH, dilW, out, pool);
    }

    @Override
    public void maxPool2d(View x, int kh, int kw, int strideH, int strideW, int padH, int padW, int dilH, int dilW,
                          View out, View indices) {
        Pooling.maxPool(x, kh, kw, strideH, strideW, padH, padW, dilH, dilW, out, indices, pool);
    }

    @Override
    public void layerNorm(View x, View weight, View bias, double eps, View out, View mean, View rstd) {
        int n = x.shape()[x.rank() - 1];
        int rows = x.numel() / Math.max(n, 1);
        Parallel.forRange((long) rows * n < Strided.PARALLEL_THRESHOLD ? null : pool, rows,
                (lo, hi) -> Normalization.forward(s(x), x.offset(), weight == null ? null : s(weight),
                        weight == null ? 0 : weight.offset(), bias == null ? null : s(bias),
                        bias == null ? 0 : bias.offset(), eps, s(out), out.offset(), s(mean), mean.offset(),
                        s(rstd), rstd.offset(), n, lo, hi));
    }

    @Override
    public void layerNormBackward(View g, View x, View weight, View mean, View rstd, View dx, View dWeight,
                                  View dBias) {
        int n = x.shape()[x.rank() - 1];
        int rows = x.numel() / Math.max(n, 1);
        ForkJoinPool p = (long) rows * n < Strided.PARALLEL_THRESHOLD ? null : pool;
        Normalization.Rows r = new Normalization.Rows(s(g), g.offset(), s(x), x.offset(), s(mean), mean.offset(),
                s(rstd), rstd.offset(), n);
        Parallel.forRange(p, rows, (lo, hi) -> Normalization.inputGradient(r, weight == null ? null : s(weight),
                weight == null ? 0 : weight.offset(), s(dx), dx.offset(), lo, hi));
        if (dWeight != null || dBias != null) {
            // per column, summed over rows in row order: the same bits for any split of the columns
            Parallel.forRange(p, n, (lo, hi) -> Normalization.affineGradients(r, rows,
                    dWeight == null ? null : s(dWeight), dWeight == null ? 0 : dWeight.offset(),
                    dBias == null ? null : s(dBias), dBias == null ? 0 : dBias.offset(), lo, hi));
        }
    }

    @Override
    public void adamStep(View p, View g, View m, View v, double beta1, double beta2, double stepSize,
                         double epsHat) {
        int n = p.numel();
        float[] pf = s(p).f;
        float[] gf = s(g).f;
        float[] mf = s(m).f;
        float[] vf = s(v).f;
        Parallel.forRange(n < Strided.PARALLEL_THRESHOLD ? null : pool, n, (lo, hi) -> Fused.adam(pf, p.offset(),
                gf, g.offset(), mf, m.offset(), vf, v.offset(), lo, hi, (float) beta1, (float) beta2,
                (float) stepSize, (float) epsHat));
    }

    @Override
    public void close() {
        if (pool != null) {
            pool.shutdown();
        }
    }
}
