package org.reprolab.tensor.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.tensor.Conv;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

class ConvModulesTest {
    private final Generator gen = new Generator(5);

    /** Every value inside ±bound, and the draws spread over it (not, say, all near 0). */
    private static void assertUniformWithin(Tensor t, double bound, String what) {
        double max = 0;
        for (float v : t.toFloatArray()) {
            assertTrue(Math.abs(v) <= bound, what + ": " + v + " outside ±" + bound);
            max = Math.max(max, Math.abs(v));
        }
        assertTrue(max > 0.5 * bound, what + ": largest |value| " + max + " of bound " + bound);
    }

    /** The module's parameter gradients equal those of the functional op on the same tensors. */
    private static void assertSameGradients(Module m, Tensor x, java.util.function.Function<List<Tensor>, Tensor> op) {
        Tensor seed = new Generator(3).normal(0, 1, m.forward(x).shape());
        m.zeroGrad();
        m.forward(x).mul(seed).sum().backward();
        List<Tensor> params = m.parameters();
        List<float[]> moduleGrads = params.stream().map(p -> p.grad().toFloatArray()).toList();
        m.zeroGrad();
        op.apply(params).mul(seed).sum().backward();
        for (int k = 0; k < params.size(); k++) {
            assertArrayEquals(params.get(k).grad().toFloatArray(), moduleGrads.get(k), "parameter " + k);
        }
    }

    @Test
    void conv2dRegistersPyTorchInitialisedParameters() {
        Conv2d conv = new Conv2d(4, 6, 3, 2, 1, gen);
        assertEquals(List.of("weight", "bias"), List.copyOf(conv.namedParameters().keySet()));
        assertArrayEquals(new int[] {6, 4, 3, 3}, conv.weight().shape());
        assertArrayEquals(new int[] {6}, conv.bias().shape());
        assertUniformWithin(conv.weight(), 1 / Math.sqrt(36), "weight");
        assertUniformWithin(conv.bias(), 1 / Math.sqrt(36), "bias");
        Tensor x = gen.normal(0, 1, 2, 4, 7, 7);
        assertArrayEquals(new int[] {2, 6, 4, 4}, conv.forward(x).shape());
        assertSameGradients(conv, x, p -> Conv.conv2d(x, p.get(0), p.get(1), 2, 1));
        assertArrayEquals(conv.weight().toFloatArray(), new Conv2d(4, 6, 3, 2, 1, new Generator(5)).weight().toFloatArray(),
                "same seed, same initialisation");
    }

    @Test
    void groupedConvolutionsWithoutBias() {
        Conv2d depthwise = new Conv2d(4, 8, 3, 1, 1, 1, 4, false, gen);
        assertNull(depthwise.bias());
        assertEquals(List.of("weight"), List.copyOf(depthwise.namedParameters().keySet()));
        assertArrayEquals(new int[] {8, 1, 3, 3}, depthwise.weight().shape());
        assertUniformWithin(depthwise.weight(), 1 / 3.0, "depthwise weight");
        Tensor x = gen.normal(0, 1, 1, 4, 5, 5);
        assertSameGradients(depthwise, x, p -> Conv.conv2d(x, p.get(0), null, 1, 1, 1, 1, 1, 1, 4));
        assertThrows(IllegalArgumentException.class, () -> new Conv2d(4, 6, 3, 1, 0, 1, 4, true, gen));
    }

    @Test
    void conv1dAndTransposedConvolution() {
        Conv1d conv1 = new Conv1d(3, 5, 4, 2, 1, 1, 1, true, gen);
        assertArrayEquals(new int[] {5, 3, 4}, conv1.weight().shape());
        assertUniformWithin(conv1.weight(), 1 / Math.sqrt(12), "conv1d weight");
        Tensor seq = gen.normal(0, 1, 2, 3, 10);
        assertArrayEquals(new int[] {2, 5, 5}, conv1.forward(seq).shape());
        assertSameGradients(conv1, seq, p -> Conv.conv1d(seq, p.get(0), p.get(1), 2, 1, 1));

        ConvTranspose2d up = new ConvTranspose2d(6, 3, 4, 2, 1, 0, true, gen);
        assertArrayEquals(new int[] {6, 3, 4, 4}, up.weight().shape());
        // PyTorch's fan_in for a transposed weight [in, out, k, k] is out·k·k
        assertUniformWithin(up.weight(), 1 / Math.sqrt(48), "convTranspose2d weight");
        Tensor x = gen.normal(0, 1, 2, 6, 5, 5);
        assertArrayEquals(new int[] {2, 3, 10, 10}, up.forward(x).shape());
        assertSameGradients(up, x, p -> Conv.convTranspose2d(x, p.get(0), p.get(1), 2, 1, 0));
    }

    @Test
    void poolingUpsamplingAndFlattenModules() {
        Tensor x = gen.normal(0, 1, 2, 3, 8, 6);
        assertArrayEquals(Conv.maxPool2d(x, 2).toFloatArray(), new MaxPool2d(2).forward(x).toFloatArray());
        assertArrayEquals(Conv.maxPool2d(x, 3, 2, 1).toFloatArray(), new MaxPool2d(3, 2, 1).forward(x).toFloatArray());
        assertArrayEquals(Conv.avgPool2d(x, 2).toFloatArray(), new AvgPool2d(2).forward(x).toFloatArray());
        assertArrayEquals(new int[] {2, 3, 1, 1}, new AdaptiveAvgPool2d(1, 1).forward(x).shape());
        assertArrayEquals(new int[] {2, 3, 16, 12}, new Upsample(2).forward(x).shape());
        assertArrayEquals(Conv.upsampleBilinear2d(x, 24, 18, true).toFloatArray(),
                new Upsample(3, Upsample.Mode.BILINEAR, true).forward(x).toFloatArray());
        assertArrayEquals(new int[] {2, 144}, new Flatten().forward(x).shape());
        assertArrayEquals(new int[] {2, 3, 48}, new Flatten(2, 3).forward(x).shape());
        assertEquals(0, new MaxPool2d(2).parameterCount());
    }

    @Test
    void referenceCnnFeatureExtractor() {
        Conv2d conv1 = new Conv2d(1, 32, 3, 1, 1, gen);
        Conv2d conv2 = new Conv2d(32, 64, 3, 1, 1, gen);
        MaxPool2d pool = new MaxPool2d(2);
        Tensor images = gen.rand(4, 1, 28, 28);
        Tensor features = new Flatten().forward(pool.forward(conv2.forward(pool.forward(conv1.forward(images).relu())).relu()));
        assertArrayEquals(new int[] {4, 3136}, features.shape());
        features.square().mean().backward();
        assertArrayEquals(new int[] {32, 1, 3, 3}, conv1.weight().grad().shape());
        assertArrayEquals(new int[] {64}, conv2.bias().grad().shape());
        assertEquals(32 * 9 + 32 + 64 * 32 * 9 + 64, conv1.parameterCount() + conv2.parameterCount());
    }
}
