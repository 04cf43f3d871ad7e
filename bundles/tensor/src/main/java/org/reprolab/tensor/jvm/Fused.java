package org.reprolab.tensor.jvm;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorSpecies;

/** Fused multi-operand updates: one pass over memory instead of one per elementary op. */
final class Fused {
    private static final VectorSpecies<Float> S = FloatVector.SPECIES_PREFERRED;

    private Fused() {
    }

    /** Adam over elements [lo, hi): moments, then the parameter step (see Backend.adamStep). */
    static void adam(float[] p, int po, float[] g, int go, float[] m, int mo, float[] v, int vo, int lo, int hi,
                     float beta1, float beta2, float stepSize, float epsHat) {
        float c1 = 1 - beta1;
        float c2 = 1 - beta2;
        int j = lo;
        for (int bound = lo + S.loopBound(hi - lo); j < bound; j += S.length()) {
            FloatVector gv = FloatVector.fromArray(S, g, go + j);
            FloatVector mv = FloatVector.fromArray(S, m, mo + j).mul(beta1).add(gv.mul(c1));
            FloatVector vv = FloatVector.fromArray(S, v, vo + j).mul(beta2).add(gv.mul(c2).mul(gv));
            mv.intoArray(m, mo + j);
            vv.intoArray(v, vo + j);
            FloatVector step = mv.div(vv.sqrt().add(epsHat)).mul(stepSize);
            FloatVector.fromArray(S, p, po + j).sub(step).intoArray(p, po + j);
        }
        for (; j < hi; j++) {
            float gj = g[go + j];
            float mj = m[mo + j] * beta1 + gj * c1;
            float vj = v[vo + j] * beta2 + gj * c2 * gj;
            m[mo + j] = mj;
            v[vo + j] = vj;
            p[po + j] -= mj / ((float) Math.sqrt(vj) + epsHat) * stepSize;
        }
    }
}
