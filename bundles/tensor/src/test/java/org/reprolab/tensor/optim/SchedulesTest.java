package org.reprolab.tensor.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.tensor.Tensor;

class SchedulesTest {
    private static final double EPS = 1e-12;

    @Test
    void stepDecay() {
        Schedule s = Schedules.stepDecay(10, 0.5);
        assertEquals(0.1, s.lr(0.1, 0), EPS);
        assertEquals(0.1, s.lr(0.1, 9), EPS);
        assertEquals(0.05, s.lr(0.1, 10), EPS);
        assertEquals(0.025, s.lr(0.1, 25), EPS);
    }

    @Test
    void cosineAnnealsToTheMinimumAndStaysThere() {
        Schedule s = Schedules.cosine(100, 0.01);
        assertEquals(1.0, s.lr(1.0, 0), EPS);
        assertEquals(0.01 + 0.99 * 0.5, s.lr(1.0, 50), EPS);
        assertEquals(0.01 + 0.99 * (1 + Math.cos(Math.PI / 4)) / 2, s.lr(1.0, 25), EPS);
        assertEquals(0.01, s.lr(1.0, 100), EPS);
        assertEquals(0.01, s.lr(1.0, 1000), EPS);
    }

    @Test
    void warmupThenCosine() {
        Schedule s = Schedules.warmupCosine(10, 110, 0.0);
        assertEquals(0.1, s.lr(1.0, 0), EPS);
        assertEquals(0.5, s.lr(1.0, 4), EPS);
        assertEquals(1.0, s.lr(1.0, 9), EPS);
        assertEquals(1.0, s.lr(1.0, 10), EPS);
        assertEquals(0.5, s.lr(1.0, 60), EPS);
        assertEquals(0.0, s.lr(1.0, 110), EPS);
        assertThrows(IllegalArgumentException.class, () -> Schedules.warmupCosine(10, 10, 0));
    }

    @Test
    void oneCycleRisesToThePeakThenFallsToTheFloor() {
        Schedule s = Schedules.oneCycle(100, 0.3, 25, 1e4);
        assertEquals(1.0 / 25, s.lr(1.0, 0), EPS);
        assertEquals(1.0, s.lr(1.0, 29), EPS);
        assertEquals(1.0 / 25 / 1e4, s.lr(1.0, 99), EPS);
        assertTrue(s.lr(1.0, 15) > s.lr(1.0, 10) && s.lr(1.0, 60) < s.lr(1.0, 40));
    }

    @Test
    void schedulerDrivesEveryGroupFromItsOwnBase() {
        Tensor a = Tensor.zeros(2).requiresGrad(true);
        Tensor b = Tensor.zeros(2).requiresGrad(true);
        SGD opt = new SGD(1.0, new ParamGroup(List.of(a)), new ParamGroup(List.of(b)).setLr(0.1));
        LrScheduler sched = new LrScheduler(opt, Schedules.stepDecay(2, 0.1));
        assertEquals(1.0, opt.paramGroups().get(0).lr(), EPS);
        sched.step();
        sched.step();
        assertEquals(0.1, sched.lr(), EPS);
        assertEquals(0.01, opt.paramGroups().get(1).lr(), EPS);
        sched.setStep(4);
        assertEquals(0.001, opt.paramGroups().get(1).lr(), EPS);
        assertEquals(4, sched.stepCount());
    }

    // ---- clipping ------------------------------------------------------------------------------------------

    private static Tensor withGrad(double... grad) {
        Tensor p = Tensor.zeros(grad.length).requiresGrad(true);
        p.mul(Tensor.of(grad, grad.length).to(p.dtype())).sum().backward();
        return p;
    }

    @Test
    void clipNormScalesTheGlobalNormAndReturnsItBeforeClipping() {
        Tensor p = withGrad(3, 0);
        Tensor q = withGrad(0, 4, 0);
        double norm = GradClip.clipNorm(List.of(p, q), 1.0);
        assertEquals(5.0, norm, 1e-6);
        double[] gp = p.grad().toDoubleArray();
        double[] gq = q.grad().toDoubleArray();
        assertEquals(1.0, Math.sqrt(gp[0] * gp[0] + gq[1] * gq[1]), 1e-5);
        assertArrayEquals(new double[] {0.6, 0}, gp, 1e-6);
        // already small: unchanged
        Tensor r = withGrad(0.3, 0.4);
        assertEquals(0.5, GradClip.clipNorm(List.of(r), 1.0), 1e-6);
        assertArrayEquals(new double[] {0.3, 0.4}, r.grad().toDoubleArray(), 1e-7);
    }

    @Test
    void clipValueClampsElements() {
        Tensor p = withGrad(-3, 0.5, 2);
        GradClip.clipValue(List.of(p), 1.0);
        assertArrayEquals(new double[] {-1, 0.5, 1}, p.grad().toDoubleArray(), 0);
    }
}
