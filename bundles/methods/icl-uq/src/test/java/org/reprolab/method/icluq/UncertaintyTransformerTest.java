package org.reprolab.method.icluq;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.reprolab.api.Profile;
import org.reprolab.data.synthetic.LinearRegressionPrompts;
import org.reprolab.data.synthetic.LinearRegressionPrompts.Prompts;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;
import org.reprolab.testing.TestRunContext;

/** Tokenisation, the causal read-out at the x-tokens, the variance head and the PE table. */
class UncertaintyTransformerTest {

    private static final LinearRegressionPrompts TASK = new LinearRegressionPrompts(2, 5, new double[] {0.1, 1}, 1, 1, 1);

    @Test
    void tokensInterleaveXThenYWithTypeFlags() {
        Prompts p = TASK.sample(2, new SplittableRandom(1));
        float[] t = PromptTokens.encode(p).toFloatArray();
        int w = PromptTokens.width(2);
        // prompt 1, pair 3: x-token at position 6, y-token at position 7
        int x = ((1 * 5 + 3) * 2) * w;
        assertArrayEquals(new float[] {(float) p.x()[(5 + 3) * 2], (float) p.x()[(5 + 3) * 2 + 1], 0, 1, 0},
                Arrays.copyOfRange(t, x, x + w));
        assertArrayEquals(new float[] {0, 0, (float) p.y()[5 + 3], 0, 1}, Arrays.copyOfRange(t, x + w, x + 2 * w));
    }

    @Test
    void thePredictionOfYtNeverSeesYtOrLaterTokens() {
        for (int positions : new int[] {0, 10}) {
            UncertaintyTransformer model = new UncertaintyTransformer(new UncertaintyTransformer.Config(2, 16, 2, 2, 32,
                    positions), new Generator(3));
            Tensor tokens = PromptTokens.encode(TASK.sample(4, new SplittableRandom(2)));
            for (int cut = 0; cut < 9; cut++) {
                assertTrue(CausalityCheck.maxLeak(model, tokens, cut, new SplittableRandom(cut)) <= 1e-6, "cut " + cut);
            }
            // the x-token of pair t is position 2t, so changing y_t (position 2t + 1) leaves its prediction alone
            UncertaintyTransformer.Prediction before = model.predict(tokens);
            float[] changed = tokens.toFloatArray();
            changed[(0 * 10 + 2 * 2 + 1) * 5 + 2] += 10;
            UncertaintyTransformer.Prediction after = model.predict(Tensor.of(changed, tokens.shape()));
            assertEquals(before.mean().toFloatArray()[2], after.mean().toFloatArray()[2], 1e-6);
            assertTrue(Math.abs(before.mean().toFloatArray()[3] - after.mean().toFloatArray()[3]) > 1e-6,
                    "y_2 does inform the prediction of y_3");
        }
    }

    @Test
    void varianceIsPositiveAndShapesFollowThePairs() {
        UncertaintyTransformer model = new UncertaintyTransformer(new UncertaintyTransformer.Config(2, 16, 1, 2, 32, 0),
                new Generator(4));
        UncertaintyTransformer.Prediction p = model.predict(PromptTokens.encode(TASK.sample(3, new SplittableRandom(5))));
        assertArrayEquals(new int[] {3, 5}, p.variance().shape());
        for (float v : p.variance().contiguous().toFloatArray()) {
            assertTrue(v >= UncertaintyTransformer.VARIANCE_FLOOR);
        }
    }

    @Test
    void aPromptLongerThanThePositionTableIsRejectedNotClamped() {
        UncertaintyTransformer model = new UncertaintyTransformer(new UncertaintyTransformer.Config(2, 16, 1, 2, 32, 8),
                new Generator(6));
        Tensor tokens = PromptTokens.encode(TASK.sample(1, new SplittableRandom(7)));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> model.forward(tokens));
        assertTrue(e.getMessage().contains("8 positions"), e.getMessage());
    }

    @Test
    void trainingLowersTheNll() {
        ModelVariant variant = new ModelVariant("nope", "NoPE", 0, TASK);
        InContextTraining.Trained t = InContextTraining.train(variant, new UncertaintyTransformer.Config(2, 16, 1, 2, 32, 0),
                new TrainingSettings(60, 32, 3e-3, 5, 0, 0.01, 1), new TestRunContext(
                        new IclUqExperiment(), Profile.SMOKE, 1, Map.of()), (v, s, l) -> { });
        double first = PositionMetrics.average(t.loss(), 0, 5);
        double last = PositionMetrics.average(t.loss(), 55, 60);
        assertTrue(last < first - 0.2, "loss " + first + " → " + last);
    }
}
