// Kernels over one element type E (float, double, or int for INT32 and BOOL), computing in C and accumulating
// sums in A. The host prepends the defines (E, C, A, TO_E, TO_INT, K), unary_op and binary_op generated from
// the UnaryOp and BinaryOp tables, and the copy_from_* kernels.

__kernel void unary(int n, int op, int rank, int8 shape,
                    __global const E *x, int xo, int8 xs, __global E *y, int yo, int8 ys) {
    int i = get_global_id(0);
    if (i >= n) return;
    int xi, yi;
    if (rank == 1) {
        xi = xo + i * xs.s0;
        yi = yo + i * ys.s0;
    } else {
        int c[8];
        coords_of(i, rank, shape, c);
        xi = xo + offset_at(c, rank, xs);
        yi = yo + offset_at(c, rank, ys);
    }
    y[yi] = TO_E(unary_op(op, (C) x[xi]));
}

// out is E (arithmetic) or int (comparisons, written 0/1): the host picks binary or compare.
#define BINARY_KERNEL(NAME, OUT_T, STORE)                                                                 \
__kernel void NAME(int n, int op, int rank, int8 shape,                                                   \
                   __global const E *a, int ao, int8 as, __global const E *b, int bo, int8 bs,            \
                   __global OUT_T *y, int yo, int8 ys) {                                                  \
    int i = get_global_id(0);                                                                             \
    if (i >= n) return;                                                                                   \
    int ai, bi, yi;                                                                                       \
    if (rank == 1) {                                                                                      \
        ai = ao + i * as.s0;                                                                              \
        bi = bo + i * bs.s0;                                                                              \
        yi = yo + i * ys.s0;                                                                              \
    } else {                                                                                              \
        int c[8];                                                                                         \
        coords_of(i, rank, shape, c);                                                                     \
        ai = ao + offset_at(c, rank, as);                                                                 \
        bi = bo + offset_at(c, rank, bs);                                                                 \
        yi = yo + offset_at(c, rank, ys);                                                                 \
    }                                                                                                     \
    y[yi] = STORE(binary_op(op, (C) a[ai], (C) b[bi]));                                                   \
}
#define TO_BOOL(v) ((v) != 0 ? 1 : 0)
BINARY_KERNEL(binary, E, TO_E)
BINARY_KERNEL(compare, int, TO_BOOL)

__kernel void where_select(int n, int rank, int8 shape, __global const int *cond, int co, int8 cs,
                           __global const E *a, int ao, int8 as, __global const E *b, int bo, int8 bs,
                           __global E *y, int yo, int8 ys) {
    int i = get_global_id(0);
    if (i >= n) return;
    int c[8];
    coords_of(i, rank, shape, c);
    y[yo + offset_at(c, rank, ys)] = cond[co + offset_at(c, rank, cs)] != 0 ? a[ao + offset_at(c, rank, as)]
                                                                           : b[bo + offset_at(c, rank, bs)];
}

__kernel void fill(int n, int rank, int8 shape, __global E *y, int yo, int8 ys, C value) {
    int i = get_global_id(0);
    if (i >= n) return;
    if (rank == 1) {
        y[yo + i * ys.s0] = TO_E(value);
    } else {
        int c[8];
        coords_of(i, rank, shape, c);
        y[yo + offset_at(c, rank, ys)] = TO_E(value);
    }
}

// ---- reductions along one dimension: out[j] = reduce_p x[base(j) + p*step] ----------------------------------
// op: 0 SUM, 1 MAX, 2 MIN, 3 ARGMAX, 4 ARGMIN (ReduceOp's order). Values go to yv (E), arguments to yi (int).

// Whether (v, i) replaces the running (best, bi) under the JVM backend's rules: MAX/MIN propagate NaN; ARGMAX
// and ARGMIN skip NaNs unless element 0 is one; ties keep the first index.
inline bool replaces(int op, E v, int i, E best, int bi) {
    if (bi < 0) return i >= 0;
    if (i < 0) return false;
    C cv = (C) v;
    C cb = (C) best;
    if (op <= 2) {
        if (isnan(cb)) return isnan(cv) && i < bi;
        if (isnan(cv)) return true;
    } else {
        if (bi == 0 && isnan(cb)) return false;
        if (i == 0 && isnan(cv)) return true;
        if (isnan(cv)) return false;
        if (isnan(cb)) return true;
    }
    bool max = op == 1 || op == 3;
    if (max ? cv > cb : cv < cb) return true;
    return cv == cb && i < bi;
}

// One work item per output, walking its line in order: the same sums (in A) and choices as the JVM backend.
__kernel void reduce_serial(int n, int op, int len, int step, int rank, int8 shape,
                            __global const E *x, int xo, int8 xs, __global E *yv, __global int *yi, int yo,
                            int8 ys) {
    int j = get_global_id(0);
    if (j >= n) return;
    int c[8];
    coords_of(j, rank, shape, c);
    int base = xo + offset_at(c, rank, xs);
    int out = yo + offset_at(c, rank, ys);
    if (op == 0) {
        A acc = 0;
        for (int p = 0; p < len; p++) acc += (A) x[base + p * step];
        yv[out] = TO_E(acc);
        return;
    }
    E best = x[base];
    int arg = 0;
    for (int p = 1; p < len; p++) {
        E v = x[base + p * step];
        if (replaces(op, v, p, best, arg)) {
            best = v;
            arg = p;
        }
    }
    if (op <= 2) yv[out] = best; else yi[out] = arg;
}

// One work group of WG items per output: strided partial results, then a tree in local memory.
__kernel REQD_WORK_GROUP(WG, 1, 1)
void reduce_tree(int n, int op, int len, int step, int rank, int8 shape,
                 __global const E *x, int xo, int8 xs, __global E *yv, __global int *yi, int yo, int8 ys) {
    __local A sums[WG];
    __local E vals[WG];
    __local int args[WG];
    int j = get_group_id(0);
    int l = get_local_id(0);
    int c[8];
    coords_of(j, rank, shape, c);
    int base = xo + offset_at(c, rank, xs);
    int out = yo + offset_at(c, rank, ys);
    if (op == 0) {
        A acc = 0;
        for (int p = l; p < len; p += WG) acc += (A) x[base + p * step];
        sums[l] = acc;
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int s = WG / 2; s > 0; s >>= 1) {
            if (l < s) sums[l] += sums[l + s];
            barrier(CLK_LOCAL_MEM_FENCE);
        }
        if (l == 0) yv[out] = TO_E(sums[0]);
        return;
    }
    E best = 0;
    int arg = -1;
    for (int p = l; p < len; p += WG) {
        E v = x[base + p * step];
        if (replaces(op, v, p, best, arg)) {
            best = v;
            arg = p;
        }
    }
    vals[l] = best;
    args[l] = arg;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int s = WG / 2; s > 0; s >>= 1) {
        if (l < s && replaces(op, vals[l + s], args[l + s], vals[l], args[l])) {
            vals[l] = vals[l + s];
            args[l] = args[l + s];
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    if (l == 0) {
        if (op <= 2) yv[out] = vals[0]; else yi[out] = args[0];
    }
}

// Inclusive cumulative sums, one line per work item, accumulated in A in order as the JVM backend does.
__kernel void cumsum(int n, int len, int xstep, int ystep, int rank, int8 shape,
                     __global const E *x, int xo, int8 xs, __global E *y, int yo, int8 ys) {
    int j = get_global_id(0);
    if (j >= n) return;
    int c[8];
    coords_of(j, rank, shape, c);
    int xb = xo + offset_at(c, rank, xs);
    int yb = yo + offset_at(c, rank, ys);
    A acc = 0;
    for (int p = 0; p < len; p++) {
        acc += (A) x[xb + p * xstep];
        y[yb + p * ystep] = TO_E(acc);
    }
}

// ---- indexing ------------------------------------------------------------------------------------------------

// out[...] = x[source(...) + index[...] * step], with the source's indexed dimension pinned at stride 0.
__kernel void gather(int n, int step, int rank, int8 shape, __global const E *x, int xo, int8 xs,
                     __global const int *index, int io, int8 is, __global E *y, int yo, int8 ys) {
    int i = get_global_id(0);
    if (i >= n) return;
    int c[8];
    coords_of(i, rank, shape, c);
    int k = index[io + offset_at(c, rank, is)];
    y[yo + offset_at(c, rank, ys)] = x[xo + offset_at(c, rank, xs) + k * step];
}

// One line along the indexed dimension per work item, added in index order: two source elements can only
// meet in one target if they share every other coordinate, so lines never collide and the sums are
// deterministic (no atomics).
__kernel void scatter_add(int n, int len, int sstep, int istep, int tstep, int rank, int8 shape,
                          __global const E *src, int so, int8 ss, __global const int *index, int io, int8 is,
                          __global E *y, int yo, int8 ys) {
    int j = get_global_id(0);
    if (j >= n) return;
    int c[8];
    coords_of(j, rank, shape, c);
    int sb = so + offset_at(c, rank, ss);
    int ib = io + offset_at(c, rank, is);
    int tb = yo + offset_at(c, rank, ys);
    for (int q = 0; q < len; q++) {
        int t = tb + index[ib + q * istep] * tstep;
        y[t] = TO_E((C) y[t] + (C) src[sb + q * sstep]);
    }
}

// ---- sort: a bitonic network per row over 64-bit keys (order-preserving float bits, then position), so
// equal values keep their order exactly as the JVM backend's stable sort does ------------------------------------

__kernel void sort_keys(int n, int cols, int padded, int desc, int rank, int8 shape,
                        __global const E *x, int xo, int8 xs, int xstep, __global ulong *keys) {
    int i = get_global_id(0);
    if (i >= n) return;
    int row = i / padded;
    int col = i % padded;
    if (col >= cols) {
        keys[i] = ULONG_MAX;
        return;
    }
    int c[8];
    coords_of(row, rank, shape, c);
    float f = (float) x[xo + offset_at(c, rank, xs) + col * xstep];
    uint bits = isnan(f) ? 0x7fc00000u : as_uint(f);
    uint ordered = (bits & 0x80000000u) ? ~bits : (bits | 0x80000000u);
    if (desc) ordered = 0xffffffffu - ordered;
    keys[i] = ((ulong) ordered << 32) | (ulong) col;
}

__kernel void sort_step(int n, int padded, int j, int k, __global ulong *keys) {
    int g = get_global_id(0);
    if (g >= n) return;
    int i = g % padded;
    int l = i ^ j;
    if (l <= i) return;
    int base = g - i;
    ulong a = keys[base + i];
    ulong b = keys[base + l];
    bool up = (i & k) == 0;
    if (up ? a > b : a < b) {
        keys[base + i] = b;
        keys[base + l] = a;
    }
}

__kernel void sort_write(int n, int cols, int padded, int rank, int8 shape, __global const E *x, int xo,
                         int8 xs, int xstep, __global E *values, int vo, int8 vs, int vstep,
                         __global int *indices, int io, int8 is, int istep, __global const ulong *keys) {
    int i = get_global_id(0);
    if (i >= n) return;
    int row = i / cols;
    int col = i % cols;
    int from = (int) (keys[row * padded + col] & 0xffffffffUL);
    int c[8];
    coords_of(row, rank, shape, c);
    values[vo + offset_at(c, rank, vs) + col * vstep] = x[xo + offset_at(c, rank, xs) + from * xstep];
    indices[io + offset_at(c, rank, is) + col * istep] = from;
}

// ---- the counter-based random stream of org.reprolab.tensor.backend.CounterRng ------------------------------

inline ulong mix64(ulong z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9UL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebUL;
    return z ^ (z >> 31);
}

inline ulong rng_bits(ulong seed, ulong index, uint lane) {
    return mix64(mix64(seed * 0x9e3779b97f4a7c15UL + (ulong) lane) ^ (index * 0xd1b54a32d192ed03UL));
}

#ifdef HAS_FP64
__kernel void random_uniform(int n, __global E *y, int yo, ulong seed, ulong counter, double low, double high) {
    int k = get_global_id(0);
    if (k >= n) return;
    double u = (double) (rng_bits(seed, counter + (ulong) k, 0) >> 11) * 0x1.0p-53;
    y[yo + k] = TO_E(low + (high - low) * u);
}

__kernel void random_normal(int n, __global E *y, int yo, ulong seed, ulong counter, double mean, double std) {
    int k = get_global_id(0);
    if (k >= n) return;
    ulong index = counter + (ulong) k;
    double u1 = 1.0 - (double) (rng_bits(seed, index, 0) >> 11) * 0x1.0p-53;
    double u2 = (double) (rng_bits(seed, index, 1) >> 11) * 0x1.0p-53;
    y[yo + k] = TO_E(mean + std * (sqrt(-2.0 * log(u1)) * cos(6.283185307179586 * u2)));
}
#else
// Without cl_khr_fp64 the same bits are drawn, but the transform runs in float (close to, not equal to, the
// JVM's numbers).
__kernel void random_uniform(int n, __global E *y, int yo, ulong seed, ulong counter, float low, float high) {
    int k = get_global_id(0);
    if (k >= n) return;
    float u = convert_float(rng_bits(seed, counter + (ulong) k, 0) >> 11) * 0x1.0p-53f;
    y[yo + k] = TO_E(low + (high - low) * u);
}

__kernel void random_normal(int n, __global E *y, int yo, ulong seed, ulong counter, float mean, float std) {
    int k = get_global_id(0);
    if (k >= n) return;
    ulong index = counter + (ulong) k;
    float u1 = 1.0f - convert_float(rng_bits(seed, index, 0) >> 11) * 0x1.0p-53f;
    float u2 = convert_float(rng_bits(seed, index, 1) >> 11) * 0x1.0p-53f;
    y[yo + k] = TO_E(mean + std * (sqrt(-2.0f * log(u1)) * cos(6.2831853f * u2)));
}
#endif
