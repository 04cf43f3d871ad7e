package org.reprolab.zoo.recipes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.data.synthetic.TokFsm;
import org.reprolab.tensor.Generator;
import org.reprolab.zoo.BuildListener;
import org.reprolab.zoo.ZooConfig;
import org.reprolab.zoo.ZooModel;
import org.reprolab.zoo.internal.ZooServiceImpl;

class TokFsmLmRecipeTest {

    private final TokFsm fsm = TokFsm.codebookFeaturesSetting();

    private int[] walkTokens(long seed) {
        return fsm.tokens(fsm.walk(16, new SplittableRandom(seed)));
    }

    @Test
    void aTrueWalkScoresOne() {
        TransitionAccuracy score = TransitionAccuracy.score(fsm, new int[][] {walkTokens(1), walkTokens(2)});
        assertEquals(new TransitionAccuracy(30, 30, 32, 32), score);
        assertEquals(1.0, score.accuracy());
        assertEquals(1.0, score.wellFormedFraction());
    }

    @Test
    void aNonEdgeOrAMalformedStateCountsAsAWrongTransition() {
        int[] walk = fsm.walk(16, new SplittableRandom(3));
        int nonSuccessor = 0;
        while (fsm.isEdge(walk[14], nonSuccessor)) {
            nonSuccessor++;
        }
        int[] wrongLast = walk.clone();
        wrongLast[15] = nonSuccessor;
        TransitionAccuracy score = TransitionAccuracy.score(fsm, new int[][] {fsm.tokens(wrongLast)});
        assertEquals(new TransitionAccuracy(15, 14, 16, 16), score);
        assertEquals(14.0 / 15, score.accuracy(), 1e-15);

        int[] bosInside = fsm.tokens(walk);
        bosInside[1 + 2 * 5 + 1] = TokFsm.BOS; // the 6th state's second digit: its transitions in and out fail
        score = TransitionAccuracy.score(fsm, new int[][] {bosInside});
        assertEquals(new TransitionAccuracy(15, 13, 16, 15), score);
    }

    @Test
    void sequencesMustBeBosAndWholeStates() {
        int[] partial = Arrays.copyOf(walkTokens(4), 32);
        int[] noBos = walkTokens(4);
        noBos[0] = 0;
        assertEquals("TokFSM sequence 1 of 32 tokens: must be BOS (10) followed by whole states of 2 digits",
                assertThrows(IllegalArgumentException.class,
                        () -> TransitionAccuracy.score(fsm, new int[][] {walkTokens(4), partial})).getMessage());
        assertThrows(IllegalArgumentException.class, () -> TransitionAccuracy.score(fsm, new int[][] {noBos}));
    }

    @Test
    void theBuiltInIsTheSpecsModel() {
        TokFsmLmRecipe recipe = BuiltInRecipes.tokfsmLm();
        assertEquals(new org.reprolab.zoo.models.GptLM.Config(11, 64, 4, 4, 256, 64), recipe.architecture());
        assertEquals(2, recipe.fsm().digits());
        assertTrue(recipe.fsm().isEdge(0, fsm.successors(0)[9]));
        assertEquals(32 * Math.log(10) / 62, recipe.lossFloor(), 1e-12);
        assertEquals("0.95", recipe.config().get("sanity.min.transition_accuracy"));
    }

    @Test
    void inputsLongerThanTheContextAreRejected() {
        ZooConfig tooLong = BuiltInRecipes.tokfsmLmConfig("m").set("data.states", 33).build();
        assertEquals("zoo config m: data.states = 33 makes inputs of 66 tokens, more than arch.context = 64",
                assertThrows(IllegalArgumentException.class, () -> new TokFsmLmRecipe(tooLong, "m")).getMessage());
        ZooConfig wrongVocab = BuiltInRecipes.tokfsmLmConfig("m").set("arch.vocab", 12).build();
        assertThrows(IllegalArgumentException.class, () -> new TokFsmLmRecipe(wrongVocab, "m"));
    }

    /**
     * A tiny GPT learns a 10-state automaton with 3 successors per state through the zoo: its sampled transitions
     * beat chance (0.3) by far, and the cached model reproduces the recorded metrics.
     */
    @Test
    void aTinyModelLearnsASmallAutomaton(@TempDir Path cache) {
        ZooConfig config = BuiltInRecipes.tokfsmLmConfig("test-tokfsm")
                .set("fsm.states", 10).set("fsm.successors", 3).set("fsm.seed", 1).set("data.states", 15)
                .set("arch.d", 32).set("arch.layers", 1).set("arch.heads", 2).set("arch.ffn", 64).set("arch.context", 16)
                .set("train.steps", 120).set("train.batch", 16).set("train.lr", 1e-2)
                .set("eval.sequences", 64).set("eval.prompts", 64).set("eval.sample_states", 8)
                .set("sanity.min.transition_accuracy", 0.5).build();
        TokFsmLmRecipe recipe = new TokFsmLmRecipe(config, "test TokFSM LM");
        ZooServiceImpl zoo = new ZooServiceImpl(cache, List.of(recipe));
        ZooModel built = zoo.get("test-tokfsm", BuildListener.NONE);
        assertFalse(built.cacheHit());
        Map<String, Double> m = built.metrics();
        assertTrue(m.get("transition_accuracy") >= 0.8, m.toString());
        assertEquals(1.0, m.get("well_formed_states"), 0.02, m.toString());
        assertTrue(m.get("val_loss") < m.get("val_loss_floor") + 0.1, m.toString());

        ZooModel hit = zoo.get("test-tokfsm", BuildListener.NONE);
        assertTrue(hit.cacheHit());
        Generator root = new Generator(config.seed());
        Map<String, Double> again = recipe.evaluate(hit.model(), root.fork(TokFsmLmRecipe.VAL_STREAM),
                root.fork(TokFsmLmRecipe.SAMPLING_STREAM));
        assertEquals(m.get("val_loss"), again.get("val_loss"), "the cached model reproduces its recorded metrics exactly");
        assertEquals(m.get("transition_accuracy"), again.get("transition_accuracy"));
    }
}
