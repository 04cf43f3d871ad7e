package org.reprolab.tensor.optim;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.nn.StateDict;

/**
 * Each optimizer against its update rule written out in double precision, on the quadratic
 * L(p) = Σ ½·a·p² + b·p (gradient a·p + b), for three steps.
 */
class OptimizerTest {
    private static final double[] A = {1.0, 2.0, 0.5, 3.0};
    private static final double[] B = {0.3, -0.2, 0.1, 0.0};
    private static final double[] P0 = {0.5, -1.0, 2.0, 0.25};

    private static Tensor param() {
        return Tensor.of(P0.clone(), 4).requiresGrad(true);
    }

    private static void backward(Tensor p) {
        Tensor a = Tensor.of(A, 4);
        Tensor b = Tensor.of(B, 4);
        p.square().mul(a).mul(0.5).add(p.mul(b)).sum().backward();
    }

    private static double[] grad(double[] p) {
        double[] g = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            g[i] = A[i] * p[i] + B[i];
        }
        return g;
    }

    /** Runs three steps of opt and returns p after each. */
    private static double[][] run(Tensor p, Optimizer opt) {
        double[][] out = new double[3][];
        for (int t = 0; t < 3; t++) {
            opt.zeroGrad();
            backward(p);
            opt.step();
            out[t] = p.toDoubleArray();
        }
        return out;
    }

    private static void assertTrajectory(double[][] expected, double[][] actual, double tol) {
        for (int t = 0; t < expected.length; t++) {
            assertArrayEquals(expected[t], actual[t], tol, "step " + (t + 1));
        }
    }

    // ---- SGD -------------------------------------------------------------------------------------------------

    private static double[][] sgdReference(double lr, double mu, double tau, double wd, boolean nesterov) {
        double[] p = P0.clone();
        double[] buf = null;
        double[][] out = new double[3][];
        for (int t = 0; t < 3; t++) {
            double[] g = grad(p);
            double[] d = new double[4];
            for (int i = 0; i < 4; i++) {
                d[i] = g[i] + wd * p[i];
            }
            if (mu != 0) {
                if (buf == null) {
                    buf = d.clone();
                } else {
                    for (int i = 0; i < 4; i++) {
                        buf[i] = mu * buf[i] + (1 - tau) * d[i];
                    }
                }
                for (int i = 0; i < 4; i++) {
                    d[i] = nesterov ? d[i] + mu * buf[i] : buf[i];
                }
            }
            for (int i = 0; i < 4; i++) {
                p[i] -= lr * d[i];
            }
            out[t] = p.clone();
        }
        return out;
    }

    @Test
    void sgdMatchesItsUpdateRule() {
        Tensor p = param();
        assertTrajectory(sgdReference(0.1, 0, 0, 0, false), run(p, new SGD(List.of(p), 0.1)), 1e-14);
        p = param();
        assertTrajectory(sgdReference(0.1, 0.9, 0.2, 0.05, false),
                run(p, new SGD(List.of(p), 0.1).momentum(0.9).dampening(0.2).weightDecay(0.05)), 1e-14);
        p = param();
        assertTrajectory(sgdReference(0.05, 0.8, 0, 0.01, true),
                run(p, new SGD(List.of(p), 0.05).momentum(0.8).weightDecay(0.01).nesterov(true)), 1e-14);
    }

    @Test
    void nesterovNeedsMomentumWithoutDampening() {
        Tensor p = param();
        SGD opt = new SGD(List.of(p), 0.1).nesterov(true);
        backward(p);
        assertThrows(IllegalStateException.class, opt::step);
    }

    // ---- Adam, AdamW ---------------------------------------------------------------------------------------------

    private static double[][] adamReference(double lr, double b1, double b2, double eps, double wd, boolean decoupled,
                                            boolean amsgrad) {
        double[] p = P0.clone();
        double[] m = new double[4];
        double[] v = new double[4];
        double[] vMax = new double[4];
        double[][] out = new double[3][];
        for (int t = 1; t <= 3; t++) {
            double[] g = grad(p);
            for (int i = 0; i < 4; i++) {
                if (decoupled) {
                    p[i] *= 1 - lr * wd;
                } else {
                    g[i] += wd * p[i];
                }
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                vMax[i] = Math.max(vMax[i], v[i]);
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = (amsgrad ? vMax[i] : v[i]) / (1 - Math.pow(b2, t));
                p[i] -= lr * mHat / (Math.sqrt(vHat) + eps);
            }
            out[t - 1] = p.clone();
        }
        return out;
    }

    @Test
    void adamMatchesItsUpdateRule() {
        Tensor p = param();
        assertTrajectory(adamReference(0.1, 0.9, 0.999, 1e-8, 0, false, false), run(p, new Adam(List.of(p), 0.1)),
                1e-13);
        p = param();
        assertTrajectory(adamReference(0.05, 0.8, 0.99, 1e-3, 0.1, false, false),
                run(p, new Adam(List.of(p), 0.05).betas(0.8, 0.99).eps(1e-3).weightDecay(0.1)), 1e-13);
        p = param();
        assertTrajectory(adamReference(0.05, 0.5, 0.9, 1e-8, 0, false, true),
                run(p, new Adam(List.of(p), 0.05).betas(0.5, 0.9).amsgrad(true)), 1e-13);
    }

    @Test
    void adamWMatchesItsUpdateRule() {
        Tensor p = param();
        assertTrajectory(adamReference(0.1, 0.9, 0.999, 1e-8, 0.01, true, false), run(p, new AdamW(List.of(p), 0.1)),
                1e-13);
        p = param();
        assertTrajectory(adamReference(0.05, 0.9, 0.99, 1e-8, 0.3, true, false),
                run(p, new AdamW(List.of(p), 0.05).betas(0.9, 0.99).weightDecay(0.3)), 1e-13);
    }

    @Test
    void float32ParametersFollowTheSameRule() {
        Tensor p = Tensor.of(P0.clone(), 4).to(DType.FLOAT32).detach().requiresGrad(true);
        assertTrajectory(adamReference(0.1, 0.9, 0.999, 1e-8, 0, false, false), run(p, new Adam(List.of(p), 0.1)),
                1e-5);
    }

    @Test
    void adamAndAdamWWeightDecayDiffer() {
        // with zero gradient, L2 decay goes through the adaptive denominator (a step of ≈ lr per element,
        // whatever p's size) while decoupled decay shrinks p by exactly the factor (1 − lr·λ)
        double lr = 0.01;
        double wd = 0.1;
        Tensor p1 = Tensor.of(new double[] {1.0, 100.0}, 2).requiresGrad(true);
        Tensor p2 = Tensor.of(new double[] {1.0, 100.0}, 2).requiresGrad(true);
        Adam adam = new Adam(List.of(p1), lr).weightDecay(wd);
        AdamW adamW = new AdamW(List.of(p2), lr).weightDecay(wd);
        p1.mul(0.0).sum().backward();
        p2.mul(0.0).sum().backward();
        adam.step();
        adamW.step();
        assertArrayEquals(new double[] {1.0 - lr, 100.0 - lr}, p1.toDoubleArray(), 1e-6);
        assertArrayEquals(new double[] {1.0 * (1 - lr * wd), 100.0 * (1 - lr * wd)}, p2.toDoubleArray(), 1e-12);
    }

    // ---- LAMB ----------------------------------------------------------------------------------------------------

    private static double[][] lambReference(double lr, double b1, double b2, double eps, double wd) {
        double[] p = P0.clone();
        double[] m = new double[4];
        double[] v = new double[4];
        double[][] out = new double[3][];
        for (int t = 1; t <= 3; t++) {
            double[] g = grad(p);
            double[] u = new double[4];
            double pNorm = 0;
            double uNorm = 0;
            for (int i = 0; i < 4; i++) {
                m[i] = b1 * m[i] + (1 - b1) * g[i];
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                double mHat = m[i] / (1 - Math.pow(b1, t));
                double vHat = v[i] / (1 - Math.pow(b2, t));
                u[i] = mHat / (Math.sqrt(vHat) + eps) + wd * p[i];
                pNorm += p[i] * p[i];
                uNorm += u[i] * u[i];
            }
            double ratio = pNorm > 0 && uNorm > 0 ? Math.sqrt(pNorm) / Math.sqrt(uNorm) : 1;
            for (int i = 0; i < 4; i++) {
                p[i] -= lr * ratio * u[i];
            }
            out[t - 1] = p.clone();
        }
        return out;
    }

    @Test
    void lambMatchesItsUpdateRule() {
        Tensor p = param();
        assertTrajectory(lambReference(0.1, 0.9, 0.999, 1e-6, 0.01), run(p, new LAMB(List.of(p), 0.1)), 1e-13);
        p = param();
        assertTrajectory(lambReference(0.02, 0.8, 0.99, 1e-6, 0.2),
                run(p, new LAMB(List.of(p), 0.02).betas(0.8, 0.99).weightDecay(0.2)), 1e-13);
    }

    @Test
    void lambTrustRatioScalesTheStepToTheWeightNorm() {
        // one step from a gradient pointing along the weights: u = sign(g) = (1, 1) (ε, λ = 0), so the step is
        // lr·‖p‖/‖u‖·u = lr·(5/√2)·(1, 1)
        Tensor p = Tensor.of(new double[] {3.0, 4.0}, 2).requiresGrad(true);
        LAMB opt = new LAMB(List.of(p), 0.1).eps(0).weightDecay(0);
        p.sum().backward();
        opt.step();
        double step = 0.1 * 5 / Math.sqrt(2);
        assertArrayEquals(new double[] {3 - step, 4 - step}, p.toDoubleArray(), 1e-12);
        // zero weights: ratio 1, an Adam-sized step
        Tensor z = Tensor.of(new double[] {0.0, 0.0}, 2).requiresGrad(true);
        LAMB zOpt = new LAMB(List.of(z), 0.1).eps(0).weightDecay(0);
        z.mul(Tensor.of(new double[] {2.0, -3.0}, 2)).sum().backward();
        zOpt.step();
        assertArrayEquals(new double[] {-0.1, 0.1}, z.toDoubleArray(), 1e-12);
    }

    @Test
    void stepsLeaveGradientsUntouched() {
        for (var make : List.<java.util.function.Function<Tensor, Optimizer>>of(
                p -> new SGD(List.of(p), 0.1).momentum(0.9).weightDecay(0.1).nesterov(true),
                p -> new Adam(List.of(p), 0.1).weightDecay(0.1).amsgrad(true),
                p -> new AdamW(List.of(p), 0.1), p -> new LAMB(List.of(p), 0.1))) {
            Tensor p = param();
            Optimizer opt = make.apply(p);
            backward(p);
            opt.step();
            opt.step();
            assertArrayEquals(grad(P0), p.grad().toDoubleArray(), 0, opt.getClass().getSimpleName());
        }
    }

    // ---- groups, skipping, state -----------------------------------------------------------------------------

    @Test
    void parameterGroupsHaveTheirOwnLearningRates() {
        Tensor slow = param();
        Tensor fast = param();
        SGD opt = new SGD(0.1, new ParamGroup(List.of(slow)).setLr(0.01), new ParamGroup(List.of(fast)));
        assertEquals(0.01, opt.paramGroups().get(0).lr());
        assertEquals(0.1, opt.paramGroups().get(1).lr());
        backward(slow);
        backward(fast);
        opt.step();
        double[] g = grad(P0);
        for (int i = 0; i < 4; i++) {
            assertEquals(P0[i] - 0.01 * g[i], slow.toDoubleArray()[i], 1e-15);
            assertEquals(P0[i] - 0.1 * g[i], fast.toDoubleArray()[i], 1e-15);
        }
        // a default changed later reaches groups that do not override it
        opt.momentum(0.5);
        assertEquals(0.5, opt.paramGroups().get(0).get(ParamGroup.MOMENTUM));
        assertThrows(IllegalArgumentException.class, () -> new SGD(0.1, new ParamGroup(List.of(param()))
                .set("momentm", 0.9)));
        assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(slow, slow), 0.1));
        assertThrows(IllegalArgumentException.class, () -> new Adam(List.of(param()), 0.1).betas(1.0, 0.9));
    }

    @Test
    void parametersWithoutGradientsAreSkipped() {
        Tensor used = param();
        Tensor unused = param();
        Adam opt = new Adam(List.of(used, unused), 0.1);
        backward(used);
        opt.step();
        assertArrayEquals(P0, unused.toDoubleArray(), 0);
        assertEquals(null, opt.state(unused));
        assertEquals(1, opt.state(used).step());
    }

    @Test
    void optimizerStateRoundTripsAndTrainingContinuesIdentically() {
        Tensor p = param();
        Adam opt = new Adam(List.of(p), 0.1).amsgrad(true);
        run(p, opt);
        Tensor q = Tensor.of(p.toDoubleArray(), 4).requiresGrad(true);
        Adam resumed = new Adam(List.of(q), 0.5).amsgrad(true);
        resumed.loadStateDict(opt.stateDict());
        assertEquals(0.1, resumed.lr());
        assertEquals(3, resumed.state(q).step());
        assertArrayEquals(run(p, opt)[2], run(q, resumed)[2], 0);
        assertThrows(IllegalArgumentException.class,
                () -> new Adam(List.of(Tensor.zeros(DType.FLOAT64, 5).requiresGrad(true)), 0.1)
                        .loadStateDict(opt.stateDict()));
    }

    @Test
    void optimizerStateSurvivesAFile(@TempDir Path dir) throws IOException {
        Tensor p = param();
        LAMB opt = new LAMB(List.of(p), 0.05);
        run(p, opt);
        Path f = dir.resolve("optimizer.safetensors");
        StateDict.save(opt.stateDict(), f);
        Tensor q = Tensor.of(p.toDoubleArray(), 4).requiresGrad(true);
        LAMB resumed = new LAMB(List.of(q), 0.05);
        resumed.loadStateDict(StateDict.load(f));
        assertArrayEquals(run(p, opt)[2], run(q, resumed)[2], 0);
    }

    // ---- convergence -------------------------------------------------------------------------------------------

    /** Fits y = X·w + 0.5 on 64 points and returns the final mean squared error. */
    private static double linearRegression(java.util.function.Function<List<Tensor>, Optimizer> make, int steps) {
        return linearRegression(make, Schedules.constant(), steps);
    }

    private static double linearRegression(java.util.function.Function<List<Tensor>, Optimizer> make,
                                           Schedule schedule, int steps) {
        Generator gen = new Generator(3);
        Tensor x = gen.normal(0, 1, 64, 3);
        Tensor wTrue = Tensor.of(new float[] {1.5f, -2.0f, 0.7f}, 3, 1);
        Tensor y = x.matmul(wTrue).add(0.5);
        Tensor w = Tensor.zeros(3, 1).requiresGrad(true);
        Tensor b = Tensor.zeros(1).requiresGrad(true);
        Optimizer opt = make.apply(List.of(w, b));
        LrScheduler scheduler = new LrScheduler(opt, schedule);
        Supplier<Tensor> loss = () -> x.matmul(w).add(b).sub(y).square().mean();
        for (int i = 0; i < steps; i++) {
            opt.zeroGrad();
            loss.get().backward();
            opt.step();
            scheduler.step();
        }
        return loss.get().item();
    }

    @Test
    void everyOptimizerFitsALinearRegression() {
        assertTrue(linearRegression(ps -> new SGD(ps, 0.1).momentum(0.9), 200) < 1e-6);
        assertTrue(linearRegression(ps -> new Adam(ps, 0.05), 500) < 1e-4);
        assertTrue(linearRegression(ps -> new AdamW(ps, 0.05).weightDecay(0), 500) < 1e-4);
        // LAMB's steps are proportional to ‖w‖, so it settles only as the lr decays
        double lamb = linearRegression(ps -> new LAMB(ps, 0.05).weightDecay(0), Schedules.cosine(800, 0), 800);
        assertTrue(lamb < 1e-4, "LAMB mse " + lamb);
    }
}
