package org.reprolab.tensor.jvm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;
import org.junit.jupiter.api.Test;

class ExactMathTest {

    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final float[] SPECIAL = {0f, -0f, 1f, -1f, Float.NaN, Float.POSITIVE_INFINITY,
        Float.NEGATIVE_INFINITY, 88.7f, 88.73f, -87.3f, -95f, -103.9f, -104.5f, 1e-8f, -1e-8f, 0.6249f, 0.625f,
        -0.625f, 9f, -9f, 20f, Float.MIN_VALUE, Float.MAX_VALUE, -Float.MAX_VALUE};

    /** Inputs: the special values, then a wide random sweep. */
    private static float[] inputs(float range) {
        SplittableRandom rng = new SplittableRandom(5);
        float[] x = new float[S.length() * 4096];
        System.arraycopy(SPECIAL, 0, x, 0, SPECIAL.length);
        for (int i = SPECIAL.length; i < x.length; i++) {
            x[i] = (float) ((rng.nextDouble() * 2 - 1) * (rng.nextBoolean() ? range : 1));
        }
        return x;
    }

    @Test
    void vectorLanesAndScalarTailsGiveTheSameBits() {
        for (float[] x : new float[][] {inputs(110f), inputs(12f)}) {
            for (int i = 0; i < x.length; i += S.length()) {
                FloatVector v = FloatVector.fromArray(S, x, i);
                float[] exp = ExactMath.exp(v).toArray();
                float[] tanh = ExactMath.tanh(v).toArray();
                for (int l = 0; l < S.length(); l++) {
                    float xi = x[i + l];
                    assertEquals(Float.floatToIntBits(ExactMath.exp(xi)), Float.floatToIntBits(exp[l]), "exp " + xi);
                    assertEquals(Float.floatToIntBits(ExactMath.tanh(xi)), Float.floatToIntBits(tanh[l]), "tanh " + xi);
                }
            }
        }
    }

    @Test
    void expIsWithinTwoUlpsOfTheCorrectlyRoundedValue() {
        assertAccurate(inputs(110f), ExactMath::exp, Math::exp, 2);
        assertEquals(Float.POSITIVE_INFINITY, ExactMath.exp(89f));
        assertEquals(0f, ExactMath.exp(-110f));
        assertEquals(1f, ExactMath.exp(0f));
        assertTrue(Float.isNaN(ExactMath.exp(Float.NaN)));
        assertTrue(ExactMath.exp(-100f) > 0, "runs into subnormals rather than flushing to zero");
    }

    @Test
    void tanhIsWithinTwoUlpsOfTheCorrectlyRoundedValue() {
        assertAccurate(inputs(12f), ExactMath::tanh, Math::tanh, 2);
        assertEquals(1f, ExactMath.tanh(Float.POSITIVE_INFINITY));
        assertEquals(-1f, ExactMath.tanh(Float.NEGATIVE_INFINITY));
        assertEquals(Float.floatToIntBits(-0f), Float.floatToIntBits(ExactMath.tanh(-0f)));
        assertTrue(Float.isNaN(ExactMath.tanh(Float.NaN)));
    }

    private interface FloatOp {
        float apply(float x);
    }

    private static void assertAccurate(float[] x, FloatOp ours, DoubleUnaryOperator exact, int ulps) {
        for (float xi : x) {
            if (Float.isNaN(xi)) {
                continue;
            }
            float want = (float) exact.applyAsDouble(xi);
            float got = ours.apply(xi);
            if (Float.isInfinite(want) || want == 0f || Math.abs(want) < Float.MIN_NORMAL) {
                assertTrue(Math.abs(got - want) <= Float.MIN_NORMAL || got == want, xi + ": " + got + " vs " + want);
                continue;
            }
            float error = Math.abs(got - want) / Math.ulp(want);
            assertTrue(error <= ulps, xi + ": " + got + " vs " + want + " (" + error + " ulp)");
        }
    }

    /**
     * The regression this class fixes: with the Vector API's EXP, a cold call (interpreted, then OSR-compiled)
     * and a warm one gave different bits. The first call here runs cold.
     */
    @Test
    void aColdCallAndWarmCallsGiveTheSameBits() {
        float[] x = new float[1 << 20];
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (rng.nextGaussian() * 4);
        }
        float[] first = null;
        for (int rep = 0; rep < 4; rep++) {
            float[] y = new float[x.length];
            Activations.gelu(x, 0, y, 0, x.length);
            Activations.sigmoid(y, 0, y, 0, y.length, true);
            Activations.tanh(y, 0, y, 0, y.length);
            for (int row = 0; row < x.length; row += 1000) {
                Reductions.softmaxRow(y, row, y, row, Math.min(1000, x.length - row), false);
            }
            if (first == null) {
                first = y;
            } else {
                assertTrue(java.util.Arrays.equals(first, y), "repetition " + rep + " differs from the first");
            }
        }
    }
}
