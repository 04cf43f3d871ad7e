package org.reprolab.tensor.jvm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * float32 exp and tanh built from IEEE-exact operations only (+, −, ×, ÷, fused multiply-add, comparisons, bit
 * moves), in a SIMD and a scalar form that compute the very same sequence, so every element gets the same bits
 * whether it falls in a vector lane or a loop tail, and whatever the JIT has compiled. The Vector API's own
 * {@code lanewise(EXP/TANH)} does not give that: compiled code calls the SVML library while the not-yet-compiled
 * fallback calls {@code Math.exp} per lane, so a training run's first steps differed from its later ones and two
 * runs with the same seed disagreed in the last bits.
 *
 * <p>exp: Cody–Waite reduction x = n·ln2 + r with |r| ≤ ln2/2 and Cephes' degree-6 polynomial for e^r (≤ 1 ulp
 * over the normal range), scaled by 2^n in two steps so results run smoothly into subnormals and overflow to
 * +∞. tanh: Cephes' odd polynomial for |x| &lt; 0.625, 1 − 2/(e^{2|x|} + 1) above (≤ 2 ulp).
 */
final class ExactMath {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Integer> I = IntVector.SPECIES_PREFERRED;

    private static final float LOW = -104f;       // e^-104 rounds to 0 in float32
    private static final float HIGH = 89f;        // e^89 overflows to +∞
    private static final float LOG2E = 1.44269504088896341f;
    private static final float ROUND = 12582912f; // 1.5·2^23: adding and subtracting it rounds to an integer
    private static final float LN2_HI = 0.693359375f;
    private static final float LN2_LO = -2.12194440e-4f;
    private static final float E6 = 1.9875691500e-4f;
    private static final float E5 = 1.3981999507e-3f;
    private static final float E4 = 8.3334519073e-3f;
    private static final float E3 = 4.1665795894e-2f;
    private static final float E2 = 1.6666665459e-1f;
    private static final float E1 = 5.0000001201e-1f;
    private static final int SIGN = 0x80000000;
    private static final float TANH_SMALL = 0.625f;
    private static final float T4 = -5.70498872745e-3f;
    private static final float T3 = 2.06390887954e-2f;
    private static final float T2 = -5.37397155531e-2f;
    private static final float T1 = 1.33314422036e-1f;
    private static final float T0 = -3.33332819422e-1f;

    private ExactMath() {
    }

    static float exp(float x) {
        if (Float.isNaN(x)) {
            return x;
        }
        float c = Math.min(Math.max(x, LOW), HIGH);
        float n = Math.fma(c, LOG2E, ROUND) - ROUND;
        float r = Math.fma(n, -LN2_HI, c);
        r = Math.fma(n, -LN2_LO, r);
        float p = Math.fma(Math.fma(Math.fma(Math.fma(Math.fma(E6, r, E5), r, E4), r, E3), r, E2), r, E1);
        p = Math.fma(p, r * r, r) + 1f;
        int k = (int) n;
        int half = k >> 1;
        return p * Float.intBitsToFloat((half + 127) << 23) * Float.intBitsToFloat((k - half + 127) << 23);
    }

    static FloatVector exp(FloatVector x) {
        FloatVector c = x.max(LOW).min(HIGH);
        FloatVector n = c.fma(LOG2E, ROUND).sub(ROUND);
        FloatVector r = n.fma(FloatVector.broadcast(S, -LN2_HI), c);
        r = n.fma(FloatVector.broadcast(S, -LN2_LO), r);
        FloatVector p = FloatVector.broadcast(S, E6).fma(r, FloatVector.broadcast(S, E5))
                .fma(r, FloatVector.broadcast(S, E4)).fma(r, FloatVector.broadcast(S, E3))
                .fma(r, FloatVector.broadcast(S, E2)).fma(r, FloatVector.broadcast(S, E1));
        p = p.fma(r.mul(r), r).add(1f);
        IntVector k = (IntVector) n.convertShape(VectorOperators.F2I, I, 0);
        IntVector half = k.lanewise(VectorOperators.ASHR, 1);
        FloatVector s1 = half.add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector s2 = k.sub(half).add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats();
        FloatVector y = p.mul(s1).mul(s2);
        return y.blend(x, x.test(VectorOperators.IS_NAN));
    }

    static float tanh(float x) {
        float a = Math.abs(x);
        if (x == 0f) {
            return x; // keeps the sign of −0
        }
        if (a < TANH_SMALL) {
            float z = x * x;
            float p = Math.fma(Math.fma(Math.fma(Math.fma(T4, z, T3), z, T2), z, T1), z, T0);
            return Math.fma(p * z, x, x);
        }
        float t = 1f - 2f / (exp(a + a) + 1f);
        return Float.isNaN(x) ? x : Math.copySign(t, x);
    }

    static FloatVector tanh(FloatVector x) {
        FloatVector a = x.abs();
        FloatVector z = x.mul(x);
        FloatVector p = FloatVector.broadcast(S, T4).fma(z, FloatVector.broadcast(S, T3))
                .fma(z, FloatVector.broadcast(S, T2)).fma(z, FloatVector.broadcast(S, T1))
                .fma(z, FloatVector.broadcast(S, T0));
        FloatVector small = p.mul(z).fma(x, x);
        FloatVector t = FloatVector.broadcast(S, 1f).sub(FloatVector.broadcast(S, 2f).div(exp(a.add(a)).add(1f)));
        FloatVector large = ((IntVector) t.reinterpretAsInts()).or(((IntVector) x.reinterpretAsInts()).and(SIGN))
                .reinterpretAsFloats();
        VectorMask<Float> isSmall = a.compare(VectorOperators.LT, TANH_SMALL);
        return large.blend(small, isSmall).blend(x, x.test(VectorOperators.IS_NAN).or(x.compare(VectorOperators.EQ, 0f)));
    }
}
