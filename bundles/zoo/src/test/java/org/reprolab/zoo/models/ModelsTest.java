package org.reprolab.zoo.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.Module;
import org.reprolab.zoo.recipes.BuiltInRecipes;

class ModelsTest {

    private static long count(Module m, String prefix) {
        return m.namedParameters().entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().numel()).sum();
    }

    /** methods/quantization.md: about 0.80M parameters in the blocks, separate Linears with bias. */
    @Test
    void tinyLmCharHasTheSpecifiedShape() {
        GptLM lm = new GptLM(new GptLM.Config(98, 128, 4, 4, 512, 64), new Generator(0));
        long perBlock = 4 * (128 * 128 + 128) + (128 * 512 + 512) + (512 * 128 + 128) + 2 * 2 * 128;
        assertEquals(4 * perBlock, count(lm, "blocks."));
        assertEquals(793_088, count(lm, "blocks."));
        assertEquals(98 * 128 + 64 * 128 + 98 * 128 + 2 * 128, lm.parameterCount() - count(lm, "blocks."));
        Map<String, Tensor> params = lm.namedParameters();
        for (String linear : new String[] {"attn.wq", "attn.wk", "attn.wv", "attn.wo", "up", "down"}) {
            assertTrue(params.containsKey("blocks.3." + linear + ".weight") && params.containsKey("blocks.3." + linear + ".bias"),
                    linear + " missing from " + params.keySet());
        }
        assertTrue(params.containsKey("head.weight") && !params.containsKey("head.bias"));
        assertArrayEquals(new int[] {2, 10, 98}, lm.forward(Tensor.ofInts(new int[20], 2, 10)).shape());
    }

    @Test
    void theLmIsCausal() {
        GptLM lm = new GptLM(new GptLM.Config(98, 16, 2, 2, 32, 8), new Generator(1));
        int[] a = {97, 5, 6, 7, 8, 9};
        int[] b = {97, 5, 6, 7, 40, 41};
        float[] la = lm.forward(Tensor.ofInts(a, 1, 6)).narrow(1, 0, 4).contiguous().toFloatArray();
        float[] lb = lm.forward(Tensor.ofInts(b, 1, 6)).narrow(1, 0, 4).contiguous().toFloatArray();
        assertArrayEquals(la, lb, 1e-6f, "positions 0–3 must not see positions 4–5");
        assertNotEquals(lm.forward(Tensor.ofInts(a, 1, 6)).select(1, 5).sum().item(),
                lm.forward(Tensor.ofInts(b, 1, 6)).select(1, 5).sum().item());
        assertThrows(IllegalArgumentException.class, () -> lm.forward(Tensor.ofInts(new int[9], 1, 9)));
    }

    /** methods/quantization.md: about 0.2M parameters. */
    @Test
    void tinyVitHasTheSpecifiedShape() {
        TinyViT vit = new TinyViT(BuiltInRecipes.tinyVitArchitecture(), new Generator(0));
        assertEquals(4 * (4 * (64 * 64 + 64) + (64 * 256 + 256) + (256 * 64 + 64) + 4 * 64), count(vit, "blocks."));
        long total = vit.parameterCount();
        assertTrue(total > 190_000 && total < 215_000, total + " parameters");
        assertArrayEquals(new int[] {3, 17, 64}, vit.tokens(Tensor.zeros(3, 784)).shape());
        Tensor images = new Generator(2).randn(3, 1, 28, 28);
        assertArrayEquals(vit.forward(images).toFloatArray(), vit.forward(images.reshape(3, 784)).toFloatArray());
        assertArrayEquals(new int[] {3, 10}, vit.forward(images).shape());
    }

    @Test
    void patchesAreCutRowByRow() {
        TinyViT vit = new TinyViT(new TinyViT.Config(4, 2, 4, 1, 1, 4, 2), new Generator(0));
        float[] pixels = new float[16];
        pixels[2 * 4 + 3] = 1;  // row 2, column 3: the 4th patch (row 1, column 1), its position (0, 1)
        Tensor embedded = vit.tokens(Tensor.of(pixels, 1, 16));
        Tensor zero = vit.tokens(Tensor.zeros(1, 16));
        float[] diff = embedded.sub(zero).toFloatArray();
        for (int token = 0; token < 5; token++) {
            double norm = 0;
            for (int k = 0; k < 4; k++) {
                norm += Math.abs(diff[token * 4 + k]);
            }
            assertEquals(token == 4, norm > 0, "token " + token);
        }
    }

    @Test
    void fashionMnistNetsHaveTheSpecifiedShapes() {
        Module cnn = FashionMnistNets.cnn(new Generator(0));
        assertArrayEquals(new int[] {2, 10}, cnn.forward(Tensor.zeros(2, 1, 28, 28)).shape());
        assertEquals((9 * 16 + 16) + (9 * 16 * 16 + 16) + (9 * 16 * 32 + 32) + (9 * 32 * 32 + 32) + (1568 * 128 + 128)
                + (128 * 10 + 10), cnn.parameterCount());
        Module mlp = FashionMnistNets.mlp(new Generator(0));
        assertEquals(784 * 256 + 256 + 256 * 10 + 10, mlp.parameterCount());
        assertEquals((0 - 0.2860) / 0.3530, FashionMnistNets.standardize(Tensor.zeros(1)).item(), 1e-6);
    }
}
