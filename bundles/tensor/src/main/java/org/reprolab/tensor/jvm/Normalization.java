package org.reprolab.tensor.jvm;

/**
 * Layer normalisation rows (Ba, Kiros &amp; Hinton 2016): statistics in double, one row per task. With
 * x̂ = (x − μ)·rstd and ĝ = g·w, the input gradient is rstd·(ĝ − mean(ĝ) − x̂·mean(ĝ·x̂)).
 */
final class Normalization {
    private Normalization() {
    }

    /** The saved inputs of the backward pass, as storages and offsets of contiguous [rows, n] / [rows]. */
    record Rows(JvmStorage g, int go, JvmStorage x, int xo, JvmStorage mean, int mo, JvmStorage rstd, int ro, int n) {
    }

    static void forward(JvmStorage x, int xo, JvmStorage w, int wo, JvmStorage b, int bo, double eps, JvmStorage y,
                        int yo, JvmStorage mean, int mo, JvmStorage rstd, int ro, int n, int lo, int hi) {
        for (int r = lo; r < hi; r++) {
            int base = xo + r * n;
            double mu = x.f != null ? mean(x.f, base, n) : mean(x, base, n);
            double sq = 0;
            if (x.f != null) {
                for (int c = 0; c < n; c++) {
                    double d = x.f[base + c] - mu;
                    sq += d * d;
                }
            } else {
                for (int c = 0; c < n; c++) {
                    double d = x.get(base + c) - mu;
                    sq += d * d;
                }
            }
            double inv = 1.0 / Math.sqrt(sq / n + eps);
            mean.set(mo + r, mu);
            rstd.set(ro + r, inv);
            int out = yo + r * n;
            if (x.f != null && y.f != null && (w == null || w.f != null) && (b == null || b.f != null)) {
                float m = (float) mu;
                float s = (float) inv;
                for (int c = 0; c < n; c++) {
                    float v = (x.f[base + c] - m) * s;
                    if (w != null) {
                        v *= w.f[wo + c];
                    }
                    if (b != null) {
                        v += b.f[bo + c];
                    }
                    y.f[out + c] = v;
                }
            } else {
                for (int c = 0; c < n; c++) {
                    double v = (x.get(base + c) - mu) * inv;
                    y.set(out + c, v * (w == null ? 1 : w.get(wo + c)) + (b == null ? 0 : b.get(bo + c)));
                }
            }
        }
    }

    private static double mean(float[] x, int base, int n) {
        double sum = 0;
        for (int c = 0; c < n; c++) {
            sum += x[base + c];
        }
        return sum / n;
    }

    private static double mean(JvmStorage x, int base, int n) {
        double sum = 0;
        for (int c = 0; c < n; c++) {
            sum += x.get(base + c);
        }
        return sum / n;
    }

    static void inputGradient(Rows s, JvmStorage w, int wo, JvmStorage dx, int dxo, int lo, int hi) {
        if (s.g().f != null && s.x().f != null && dx.f != null && (w == null || w.f != null)) {
            inputGradient(s, w == null ? null : w.f, wo, dx.f, dxo, lo, hi);
            return;
        }
        int n = s.n();
        for (int r = lo; r < hi; r++) {
            int base = r * n;
            double mu = s.mean().get(s.mo() + r);
            double inv = s.rstd().get(s.ro() + r);
            double sumG = 0;
            double sumGx = 0;
            for (int c = 0; c < n; c++) {
                double gh = s.g().get(s.go() + base + c) * (w == null ? 1 : w.get(wo + c));
                double xh = (s.x().get(s.xo() + base + c) - mu) * inv;
                sumG += gh;
                sumGx += gh * xh;
            }
            double meanG = sumG / n;
            double meanGx = sumGx / n;
            for (int c = 0; c < n; c++) {
                double gh = s.g().get(s.go() + base + c) * (w == null ? 1 : w.get(wo + c));
                double xh = (s.x().get(s.xo() + base + c) - mu) * inv;
                dx.set(dxo + base + c, inv * (gh - meanG - xh * meanGx));
            }
        }
    }

    /** The float32 path of {@link #inputGradient}: the same formula, row statistics still in double. */
    private static void inputGradient(Rows s, float[] w, int wo, float[] dx, int dxo, int lo, int hi) {
        int n = s.n();
        float[] g = s.g().f;
        float[] x = s.x().f;
        int go = s.go();
        int xo = s.xo();
        for (int r = lo; r < hi; r++) {
            int base = r * n;
            float mu = (float) s.mean().get(s.mo() + r);
            float inv = (float) s.rstd().get(s.ro() + r);
            double sumG = 0;
            double sumGx = 0;
            for (int c = 0; c < n; c++) {
                float gh = g[go + base + c] * (w == null ? 1f : w[wo + c]);
                float xh = (x[xo + base + c] - mu) * inv;
                sumG += gh;
                sumGx += gh * xh;
            }
            float meanG = (float) (sumG / n);
            float meanGx = (float) (sumGx / n);
            for (int c = 0; c < n; c++) {
                float gh = g[go + base + c] * (w == null ? 1f : w[wo + c]);
                float xh = (x[xo + base + c] - mu) * inv;
                dx[dxo + base + c] = inv * (gh - meanG - xh * meanGx);
            }
        }
    }

    static void affineGradients(Rows s, int rows, JvmStorage dw, int dwo, JvmStorage db, int dbo, int lo, int hi) {
        int n = s.n();
        double[] accW = new double[hi - lo];
        double[] accB = new double[hi - lo];
        boolean f32 = s.g().f != null && s.x().f != null;
        for (int r = 0; r < rows; r++) {
            double mu = s.mean().get(s.mo() + r);
            double inv = s.rstd().get(s.ro() + r);
            int base = r * n;
            if (f32) {
                float[] g = s.g().f;
                float[] x = s.x().f;
                int go = s.go() + base;
                int xo = s.xo() + base;
                for (int c = lo; c < hi; c++) {
                    double gc = g[go + c];
                    accW[c - lo] += gc * (x[xo + c] - mu) * inv;
                    accB[c - lo] += gc;
                }
            } else {
                for (int c = lo; c < hi; c++) {
                    double g = s.g().get(s.go() + base + c);
                    accW[c - lo] += g * (s.x().get(s.xo() + base + c) - mu) * inv;
                    accB[c - lo] += g;
                }
            }
        }
        for (int c = lo; c < hi; c++) {
            if (dw != null) {
                dw.set(dwo + c, accW[c - lo]);
            }
            if (db != null) {
                db.set(dbo + c, accB[c - lo]);
            }
        }
    }
}
