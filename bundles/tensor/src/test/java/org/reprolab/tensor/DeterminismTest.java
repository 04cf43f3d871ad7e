package org.reprolab.tensor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.tensor.jvm.JvmBackend;
import org.reprolab.tensor.models.ReferenceModels;
import org.reprolab.tensor.nn.Losses;
import org.reprolab.tensor.nn.Module;
import org.reprolab.tensor.optim.Adam;

/**
 * Same seed and same thread count give the same bits; the JVM backend's work split never changes a sum's
 * order, so even different thread counts agree.
 */
class DeterminismTest {

    /** Three Adam steps of the reference CNN (convolution, pooling, GEMM, softmax, reductions); the weights. */
    private static List<float[]> train(int threads, long seed) throws Exception {
        JvmBackend backend = new JvmBackend(threads);
        try {
            return Backends.using(backend, () -> {
                Generator gen = new Generator(seed);
                Module model = ReferenceModels.cnn(gen);
                Adam opt = new Adam(model.parameters(), 1e-3);
                Tensor x = gen.randn(16, 1, 28, 28);
                Tensor y = gen.randint(0, 10, 16);
                for (int step = 0; step < 3; step++) {
                    opt.zeroGrad();
                    Losses.crossEntropy(model.forward(x), y).backward();
                    opt.step();
                }
                List<float[]> weights = new ArrayList<>();
                model.parameters().forEach(p -> weights.add(p.toFloatArray()));
                return weights;
            });
        } finally {
            backend.close();
        }
    }

    @Test
    void sameSeedSameThreadsSameBits() throws Exception {
        assertSame(train(2, 11), train(2, 11));
    }

    @Test
    void threadCountDoesNotChangeTheNumbers() throws Exception {
        assertSame(train(1, 11), train(2, 11));
    }

    private static void assertSame(List<float[]> a, List<float[]> b) {
        for (int i = 0; i < a.size(); i++) {
            assertArrayEquals(a.get(i), b.get(i), "parameter " + i);
        }
    }
}
