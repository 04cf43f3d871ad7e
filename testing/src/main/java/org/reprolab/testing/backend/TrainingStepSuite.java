package org.reprolab.testing.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.reprolab.backend.device.DeviceBackend;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.reprolab.tensor.Backends;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.Backend;
import org.reprolab.tensor.models.ReferenceModels;
import org.reprolab.tensor.nn.Losses;
import org.reprolab.tensor.nn.Module;
import org.reprolab.tensor.optim.Adam;

/**
 * One whole Adam training step of each reference model (small batches) built and run entirely on an accelerator
 * device, against the same step on the JVM backend: the same seed gives the same initial weights and data
 * (the random stream is shared), then loss, every gradient and every updated parameter are compared.
 */
public abstract class TrainingStepSuite extends DeviceComparisonSuite {
    /** What one step leaves behind, read back to the host. */
    record Outcome(double loss, List<float[]> grads, List<float[]> params, long[] transfers) {
    }

    private static Outcome step(Backend backend, String model) throws Exception {
        return Backends.using(backend, () -> {
            Generator gen = new Generator(7);
            Module net;
            Tensor input;
            Tensor targets;
            switch (model) {
                case "mlp" -> {
                    net = ReferenceModels.mlp(gen);
                    input = gen.randn(16, 784);
                    targets = gen.randint(0, 10, 16);
                }
                case "cnn" -> {
                    net = ReferenceModels.cnn(gen);
                    input = gen.randn(4, 1, 28, 28);
                    targets = gen.randint(0, 10, 4);
                }
                default -> {
                    net = ReferenceModels.transformerLM(gen);
                    input = gen.randint(0, 96, 2, 16);
                    targets = gen.randint(0, 96, 2 * 16);
                }
            }
            Adam optimizer = new Adam(net.parameters(), 1e-3);
            long[] before = backend instanceof DeviceBackend c ? c.transfers() : new long[2];
            optimizer.zeroGrad();
            Tensor logits = net.forward(input);
            Tensor loss = Losses.crossEntropy(model.equals("lm") ? logits.reshape(-1, logits.size(-1)) : logits,
                    targets);
            loss.backward();
            optimizer.step();
            long[] after = backend instanceof DeviceBackend c ? c.transfers() : new long[2];
            List<float[]> grads = new ArrayList<>();
            List<float[]> params = new ArrayList<>();
            for (Tensor p : net.parameters()) {
                grads.add(p.grad().toFloatArray());
                params.add(p.toFloatArray());
            }
            return new Outcome(loss.item(), grads, params,
                    new long[] {after[0] - before[0], after[1] - before[1]});
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"mlp", "cnn", "lm"})
    void oneTrainingStepMatchesTheJvm(String model) throws Exception {
        Outcome expected = step(jvm, model);
        Outcome actual = step(cl, model);
        assertEquals(expected.loss(), actual.loss(), 1e-5 * Math.abs(expected.loss()), model + " loss");
        assertEquals(expected.params().size(), actual.params().size());
        double worstGrad = 0;
        double worstParam = 0;
        for (int i = 0; i < expected.params().size(); i++) {
            float[] ge = expected.grads().get(i);
            float[] ga = actual.grads().get(i);
            double scale = 1e-12;
            for (float v : ge) {
                scale = Math.max(scale, Math.abs(v));
            }
            for (int k = 0; k < ge.length; k++) {
                worstGrad = Math.max(worstGrad, Math.abs(ga[k] - ge[k]) / scale);
            }
            float[] pe = expected.params().get(i);
            float[] pa = actual.params().get(i);
            for (int k = 0; k < pe.length; k++) {
                worstParam = Math.max(worstParam, Math.abs(pa[k] - pe[k]));
            }
        }
        Twins.record("training step " + model + " grads (rel. to max)", worstGrad);
        Twins.record("training step " + model + " params (abs)", worstParam);
        System.out.printf(device.label() + "-vs-jvm training step %s: loss %.7f vs %.7f, grads %.3g, params %.3g, "
                        + "host writes %d, reads %d during the step%n", model, actual.loss(), expected.loss(),
                worstGrad, worstParam, actual.transfers()[0], actual.transfers()[1]);
        assertTrue(worstGrad < 1e-4, model + ": gradients differ by " + worstGrad + " of their largest entry");
        // Adam moves each weight by at most lr = 1e-3; near-zero gradients may move differently
        assertTrue(worstParam < 2e-3, model + ": parameters differ by " + worstParam);
    }
}
