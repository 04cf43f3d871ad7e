package org.reprolab.tensor.jvm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * Float32 activations over contiguous rows with the Vector API; exp and tanh come from {@link ExactMath}, so
 * a lane and a loop tail, compiled or not, give the same bits. GELU's
 * erf uses Abramowitz &amp; Stegun 7.1.26 (absolute error ≤ 1.5e-7, below float32's resolution of Φ), where
 * the reference in {@code UnaryOp} uses Cody's double-precision erf.
 */
final class Activations {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final float INV_SQRT2 = (float) (1 / Math.sqrt(2));
    private static final float INV_SQRT_2PI = (float) (1 / Math.sqrt(2 * Math.PI));
    private static final FloatVector ONE = FloatVector.broadcast(S, 1f);
    private static final float P = 0.3275911f;
    private static final float A1 = 0.254829592f;
    private static final float A2 = -0.284496736f;
    private static final float A3 = 1.421413741f;
    private static final float A4 = -1.453152027f;
    private static final float A5 = 1.061405429f;

    private Activations() {
    }

    /** Φ(x) = ½(1 + erf(x/√2)), the standard normal CDF. */
    private static FloatVector phi(FloatVector x) {
        FloatVector z = x.mul(INV_SQRT2);
        FloatVector az = z.abs();
        FloatVector t = ONE.div(az.fma(P, 1f));
        FloatVector poly = t.fma(A5, A4).fma(t, FloatVector.broadcast(S, A3)).fma(t, FloatVector.broadcast(S, A2))
                .fma(t, FloatVector.broadcast(S, A1)).mul(t);
        FloatVector erfAbs = poly.mul(ExactMath.exp(az.mul(az).neg())).neg().add(1f);
        FloatVector erf = erfAbs.blend(erfAbs.neg(), z.compare(VectorOperators.LT, 0f));
        return erf.add(1f).mul(0.5f);
    }

    private static float phi(float x) {
        float z = x * INV_SQRT2;
        float az = Math.abs(z);
        float t = 1f / (1f + P * az);
        float poly = ((((A5 * t + A4) * t + A3) * t + A2) * t + A1) * t;
        float erfAbs = 1f - poly * ExactMath.exp(-az * az);
        return 0.5f * (1f + (z < 0 ? -erfAbs : erfAbs));
    }

    static void gelu(float[] x, int xo, float[] y, int yo, int n) {
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + j);
            v.mul(phi(v)).intoArray(y, yo + j);
        }
        for (; j < n; j++) {
            y[yo + j] = x[xo + j] * phi(x[xo + j]);
        }
    }

    /** g · (Φ(x) + x·φ(x)). */
    static void geluGrad(float[] x, int xo, float[] g, int go, float[] y, int yo, int n) {
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + j);
            FloatVector density = ExactMath.exp(v.mul(v).mul(-0.5f)).mul(INV_SQRT_2PI);
            FloatVector d = v.fma(density, phi(v));
            d.mul(FloatVector.fromArray(S, g, go + j)).intoArray(y, yo + j);
        }
        for (; j < n; j++) {
            float v = x[xo + j];
            float density = ExactMath.exp(-0.5f * v * v) * INV_SQRT_2PI;
            y[yo + j] = g[go + j] * (phi(v) + v * density);
        }
    }

    static void exp(float[] x, int xo, float[] y, int yo, int n) {
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += S.length()) {
            ExactMath.exp(FloatVector.fromArray(S, x, xo + j)).intoArray(y, yo + j);
        }
        for (; j < n; j++) {
            y[yo + j] = ExactMath.exp(x[xo + j]);
        }
    }

    static void tanh(float[] x, int xo, float[] y, int yo, int n) {
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += S.length()) {
            ExactMath.tanh(FloatVector.fromArray(S, x, xo + j)).intoArray(y, yo + j);
        }
        for (; j < n; j++) {
            y[yo + j] = ExactMath.tanh(x[xo + j]);
        }
    }

    /** σ(x) = 1 / (1 + e^{−x}); with {@code timesInput}, x·σ(x) (SiLU). */
    static void sigmoid(float[] x, int xo, float[] y, int yo, int n, boolean timesInput) {
        int j = 0;
        for (int bound = S.loopBound(n); j < bound; j += S.length()) {
            FloatVector v = FloatVector.fromArray(S, x, xo + j);
            FloatVector s = ONE.div(ExactMath.exp(v.neg()).add(1f));
            (timesInput ? s.mul(v) : s).intoArray(y, yo + j);
        }
        for (; j < n; j++) {
            float v = x[xo + j];
            float s = 1f / (ExactMath.exp(-v) + 1f);
            y[yo + j] = timesInput ? v * s : s;
        }
    }
}
