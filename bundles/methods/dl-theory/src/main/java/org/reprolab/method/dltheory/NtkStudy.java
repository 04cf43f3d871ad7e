package org.reprolab.method.dltheory;

import org.reprolab.api.ProgressCounter;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.reprolab.api.RunContext;
import org.reprolab.theory.common.Parallel;

/**
 * Part C, the NTK is not frozen at finite width (book ch. 8–11): for every depth L, width n and seed, an
 * NTK-parametrised critical ReLU network trained by gradient descent on m random inputs of norm ‖x‖ (1 by default) with ±1 targets, and
 * its relative NTK change. Seed k uses the same inputs and targets at every (L, n) (its own stream), and each
 * network its own stream, so the runs can go in parallel without changing a number.
 */
final class NtkStudy {

    /** One training run. */
    record Run(int depth, int width, int seed, NtkTraining training) {
    }

    private final RunContext ctx;
    private final Plan plan;
    private final ProgressCounter progress;

    NtkStudy(RunContext ctx, Plan plan, ProgressCounter progress) {
        this.ctx = ctx;
        this.plan = plan;
        this.progress = progress;
    }

    List<Run> run() {
        Plan.Ntk c = plan.ntk();
        List<int[]> tasks = new ArrayList<>();
        for (int depth : c.depths()) {
            for (int width : c.widths()) {
                for (int seed = 0; seed < c.seeds(); seed++) {
                    tasks.add(new int[] {depth, width, seed});
                }
            }
        }
        return Parallel.map(tasks.size(), t -> {
            int depth = tasks.get(t)[0];
            int width = tasks.get(t)[1];
            int seed = tasks.get(t)[2];
            RandomGenerator dataRng = ctx.random("ntk/data/seed-" + seed);
            double[][] x = SpherePoints.draw(c.samples(), plan.inputDim(), c.inputNorm(), dataRng);
            double[] y = new double[c.samples()];
            for (int i = 0; i < y.length; i++) {
                y[i] = dataRng.nextBoolean() ? 1 : -1;
            }
            NtkNetwork net = NtkNetwork.initialise(plan.inputDim(), width, depth,
                    ctx.random("ntk/network/L-" + depth + "/n-" + width + "/seed-" + seed));
            NtkTraining training = NtkTraining.train(net, x, y, c.maxSteps(), c.targetMse(), progress::checkCancelled);
            progress.tick("C: NTK L = " + depth + ", n = " + width + ", seed " + seed);
            return new Run(depth, width, seed, training);
        });
    }

    /** The correctness checks of the NTK machinery on a small network of this run. */
    JacobianCheck jacobianCheck() {
        return JacobianCheck.run(plan.inputDim(), ctx.random("ntk/jacobian-check"));
    }
}
