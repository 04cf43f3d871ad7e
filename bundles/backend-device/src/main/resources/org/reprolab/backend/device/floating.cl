// Kernels over one floating type T (float or double), accumulating row statistics in A (double where the
// device has it, as the JVM backend does). The host prepends the defines.

// ---- batched GEMM, tiled in local memory ------------------------------------------------------------------
// A 64×64 tile of C per work group of 16×16 items, each item 4×4 outputs; A and B reach it as strided views
// (row and column strides), so transposed operands need no copy. Batch offsets come from the batch shape.
#define TM 64
#define TN 64
#define TK 16

__kernel REQD_WORK_GROUP(16, 16, 1)
void matmul(int m, int n, int k, int brank, int8 bshape,
            __global const T *a, int ao, int8 abs, int am, int ak,
            __global const T *b, int bo, int8 bbs, int bk, int bn,
            __global T *c, int co) {
    __local T as[TK][TM + 1];
    __local T bs[TK][TN + 1];
    int tx = get_local_id(0);
    int ty = get_local_id(1);
    int tid = ty * 16 + tx;
    int row0 = get_group_id(1) * TM;
    int col0 = get_group_id(0) * TN;
    int z = get_global_id(2);
    int cz[8];
    coords_of(z, brank, bshape, cz);
    int aoff = ao + offset_at(cz, brank, abs);
    int boff = bo + offset_at(cz, brank, bbs);
    T acc[4][4];
    for (int i = 0; i < 4; i++)
        for (int j = 0; j < 4; j++) acc[i][j] = 0;
    for (int p0 = 0; p0 < k; p0 += TK) {
        for (int l = 0; l < 4; l++) {
            int e = tid + l * 256;
            int kk = e % TK;
            int mm = e / TK;
            int gr = row0 + mm;
            int gk = p0 + kk;
            as[kk][mm] = (gr < m && gk < k) ? a[aoff + gr * am + gk * ak] : (T) 0;
            int nn = e % TN;
            int kb = e / TN;
            int gc = col0 + nn;
            int gkb = p0 + kb;
            bs[kb][nn] = (gc < n && gkb < k) ? b[boff + gkb * bk + gc * bn] : (T) 0;
        }
        barrier(CLK_LOCAL_MEM_FENCE);
        for (int kk = 0; kk < TK; kk++) {
            T av[4];
            T bv[4];
            for (int i = 0; i < 4; i++) av[i] = as[kk][ty + 16 * i];
            for (int j = 0; j < 4; j++) bv[j] = bs[kk][tx + 16 * j];
            for (int i = 0; i < 4; i++)
                for (int j = 0; j < 4; j++) acc[i][j] = fma(av[i], bv[j], acc[i][j]);
        }
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    __global T *cb = c + co + z * m * n;
    for (int i = 0; i < 4; i++) {
        int r = row0 + ty + 16 * i;
        if (r >= m) continue;
        for (int j = 0; j < 4; j++) {
            int col = col0 + tx + 16 * j;
            if (col < n) cb[r * n + col] = acc[i][j];
        }
    }
}

// ---- row kernels: one work group of WG items per row ----------------------------------------------------------

inline A group_sum(A v, LOCAL A *buf) {
    int l = get_local_id(0);
    buf[l] = v;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int s = WG / 2; s > 0; s >>= 1) {
        if (l < s) buf[l] += buf[l + s];
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    A r = buf[0];
    barrier(CLK_LOCAL_MEM_FENCE);
    return r;
}

inline T group_max(T v, LOCAL T *buf) {
    int l = get_local_id(0);
    buf[l] = v;
    barrier(CLK_LOCAL_MEM_FENCE);
    for (int s = WG / 2; s > 0; s >>= 1) {
        if (l < s) buf[l] = fmax(buf[l], buf[l + s]);
        barrier(CLK_LOCAL_MEM_FENCE);
    }
    T r = buf[0];
    barrier(CLK_LOCAL_MEM_FENCE);
    return r;
}

__kernel REQD_WORK_GROUP(WG, 1, 1)
void softmax(int cols, __global const T *x, int xo, __global T *y, int yo, int log_softmax) {
    __local A sums[WG];
    __local T maxes[WG];
    int l = get_local_id(0);
    __global const T *xr = x + xo + get_group_id(0) * cols;
    __global T *yr = y + yo + get_group_id(0) * cols;
    T mx = -INFINITY;
    for (int c = l; c < cols; c += WG) mx = fmax(mx, xr[c]);
    mx = group_max(mx, maxes);
    T shift = mx == -INFINITY ? (T) 0 : mx;
    A s = 0;
    for (int c = l; c < cols; c += WG) {
        T e = exp(xr[c] - shift);
        if (!log_softmax) yr[c] = e;
        s += (A) e;
    }
    s = group_sum(s, sums);
    if (log_softmax) {
        A lse = (A) shift + log(s);
        for (int c = l; c < cols; c += WG) yr[c] = (T) ((A) xr[c] - lse);
    } else {
        T inv = (T) (1 / s);
        for (int c = l; c < cols; c += WG) yr[c] *= inv;
    }
}

__kernel REQD_WORK_GROUP(WG, 1, 1)
void softmax_backward(int cols, __global const T *y, int yo, __global const T *g, int go, __global T *dx, int dxo,
                      int log_softmax) {
    __local A sums[WG];
    int l = get_local_id(0);
    int r = get_group_id(0);
    __global const T *yr = y + yo + r * cols;
    __global const T *gr = g + go + r * cols;
    __global T *dr = dx + dxo + r * cols;
    A s = 0;
    for (int c = l; c < cols; c += WG) s += log_softmax ? (A) gr[c] : (A) (yr[c] * gr[c]);
    T total = (T) group_sum(s, sums);
    for (int c = l; c < cols; c += WG) {
        dr[c] = log_softmax ? gr[c] - exp(yr[c]) * total : yr[c] * (gr[c] - total);
    }
}

// Layer normalisation: statistics in A; the row itself in T as the JVM's float path does it.
__kernel REQD_WORK_GROUP(WG, 1, 1)
void layer_norm(int n, A eps, __global const T *x, int xo, __global const T *w, int wo, __global const T *b,
                int bo, __global T *y, int yo, __global T *mean, int mo, __global T *rstd, int ro) {
    __local A sums[WG];
    int l = get_local_id(0);
    int r = get_group_id(0);
    __global const T *xr = x + xo + r * n;
    A s = 0;
    for (int c = l; c < n; c += WG) s += (A) xr[c];
    A mu = group_sum(s, sums) / n;
    A sq = 0;
    for (int c = l; c < n; c += WG) {
        A d = (A) xr[c] - mu;
        sq += d * d;
    }
    A inv = 1 / sqrt(group_sum(sq, sums) / n + eps);
    if (l == 0) {
        mean[mo + r] = (T) mu;
        rstd[ro + r] = (T) inv;
    }
    T m = (T) mu;
    T sc = (T) inv;
    for (int c = l; c < n; c += WG) {
        T v = (xr[c] - m) * sc;
        if (w) v *= w[wo + c];
        if (b) v += b[bo + c];
        y[yo + r * n + c] = v;
    }
}

__kernel REQD_WORK_GROUP(WG, 1, 1)
void layer_norm_dx(int n, __global const T *g, int go, __global const T *x, int xo, __global const T *w, int wo,
                   __global const T *mean, int mo, __global const T *rstd, int ro, __global T *dx, int dxo) {
    __local A sums[WG];
    int l = get_local_id(0);
    int r = get_group_id(0);
    T mu = mean[mo + r];
    T inv = rstd[ro + r];
    __global const T *gr = g + go + r * n;
    __global const T *xr = x + xo + r * n;
    A sg = 0;
    A sgx = 0;
    for (int c = l; c < n; c += WG) {
        T gh = w ? gr[c] * w[wo + c] : gr[c];
        T xh = (xr[c] - mu) * inv;
        sg += (A) gh;
        sgx += (A) (gh * xh);
    }
    T meanG = (T) (group_sum(sg, sums) / n);
    T meanGx = (T) (group_sum(sgx, sums) / n);
    for (int c = l; c < n; c += WG) {
        T gh = w ? gr[c] * w[wo + c] : gr[c];
        T xh = (xr[c] - mu) * inv;
        dx[dxo + r * n + c] = inv * (gh - meanG - xh * meanGx);
    }
}

// Weight and bias gradients: one column per work item, summed over rows in row order (as the JVM does).
__kernel void layer_norm_affine(int n, int rows, __global const T *g, int go, __global const T *x, int xo,
                                __global const T *mean, int mo, __global const T *rstd, int ro,
                                __global T *dw, int dwo, __global T *db, int dbo) {
    int c = get_global_id(0);
    if (c >= n) return;
    A accW = 0;
    A accB = 0;
    for (int r = 0; r < rows; r++) {
        A gc = (A) g[go + r * n + c];
        accW += gc * ((A) x[xo + r * n + c] - (A) mean[mo + r]) * (A) rstd[ro + r];
        accB += gc;
    }
    if (dw) dw[dwo + c] = (T) accW;
    if (db) db[dbo + c] = (T) accB;
}

// ---- convolution and pooling --------------------------------------------------------------------------------
// geometry: h, w, kh, kw, sh, sw, ph, pw, dh, dw, oh, ow in an int16 (the rest unused)

__kernel void im2col(int total, int channels, int16 geo, __global const T *x, int xo, int4 xs,
                     __global T *cols, int co, int cs0, int cs1) {
    int idx = get_global_id(0);
    if (idx >= total) return;
    int kh = geo.s2, kw = geo.s3, oh = geo.sa, ow = geo.sb;
    int l = oh * ow;
    int rows = channels * kh * kw;
    int col = idx % l;
    int t = idx / l;
    int row = t % rows;
    int img = t / rows;
    int ch = row / (kh * kw);
    int i = (row / kw) % kh;
    int j = row % kw;
    int iy = (col / ow) * geo.s4 - geo.s6 + i * geo.s8;
    int ix = (col % ow) * geo.s5 - geo.s7 + j * geo.s9;
    T v = 0;
    if (iy >= 0 && iy < geo.s0 && ix >= 0 && ix < geo.s1) {
        v = x[xo + img * xs.s0 + ch * xs.s1 + iy * xs.s2 + ix * xs.s3];
    }
    cols[co + img * cs0 + row * cs1 + col] = v;
}

// One work item per image element, summing its patch entries in kernel-offset order (no atomics).
__kernel void col2im(int total, int channels, int16 geo, __global const T *cols, int co, int cs0, int cs1,
                     __global T *y, int yo) {
    int idx = get_global_id(0);
    if (idx >= total) return;
    int h = geo.s0, w = geo.s1, kh = geo.s2, kw = geo.s3, sh = geo.s4, sw = geo.s5;
    int oh = geo.sa, ow = geo.sb;
    int ix = idx % w;
    int iy = (idx / w) % h;
    int ch = (idx / (w * h)) % channels;
    int img = idx / (w * h * channels);
    T acc = 0;
    for (int i = 0; i < kh; i++) {
        int ty = iy + geo.s6 - i * geo.s8;
        if (ty < 0 || ty % sh != 0 || ty / sh >= oh) continue;
        for (int j = 0; j < kw; j++) {
            int tx = ix + geo.s7 - j * geo.s9;
            if (tx < 0 || tx % sw != 0 || tx / sw >= ow) continue;
            int row = (ch * kh + i) * kw + j;
            acc += cols[co + img * cs0 + row * cs1 + (ty / sh) * ow + tx / sw];
        }
    }
    y[yo + idx] = acc;
}

// The first maximum in window order wins; a NaN counts as the maximum.
__kernel void max_pool(int total, int channels, int16 geo, __global const T *x, int xo, int4 xs,
                       __global T *y, int yo, __global int *at, int ao) {
    int idx = get_global_id(0);
    if (idx >= total) return;
    int h = geo.s0, w = geo.s1, oh = geo.sa, ow = geo.sb;
    int ox = idx % ow;
    int oy = (idx / ow) % oh;
    int nc = idx / (ow * oh);
    int base = xo + (nc / channels) * xs.s0 + (nc % channels) * xs.s1;
    T best = 0;
    int arg = -1;
    for (int i = 0; i < geo.s2; i++) {
        int iy = oy * geo.s4 - geo.s6 + i * geo.s8;
        if (iy < 0 || iy >= h) continue;
        for (int j = 0; j < geo.s3; j++) {
            int ix = ox * geo.s5 - geo.s7 + j * geo.s9;
            if (ix < 0 || ix >= w) continue;
            T v = x[base + iy * xs.s2 + ix * xs.s3];
            if (arg < 0 || v > best || (isnan(v) && !isnan(best))) {
                best = v;
                arg = iy * w + ix;
            }
        }
    }
    y[yo + idx] = best;
    at[ao + idx] = arg;
}

// ---- optimizer ------------------------------------------------------------------------------------------------

// Fused Adam (Kingma & Ba 2015, Algorithm 1) with the bias corrections folded into step and eps by the caller.
__kernel void adam(int n, __global T *p, int po, __global const T *g, int go, __global T *m, int mo,
                   __global T *v, int vo, T beta1, T beta2, T step, T eps) {
    int j = get_global_id(0);
    if (j >= n) return;
    T gj = g[go + j];
    T mj = m[mo + j] * beta1 + gj * (1 - beta1);
    T vj = v[vo + j] * beta2 + gj * (1 - beta2) * gj;
    m[mo + j] = mj;
    v[vo + j] = vj;
    p[po + j] -= mj / (sqrt(vj) + eps) * step;
}
