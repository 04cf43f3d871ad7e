package org.reprolab.zoo.recipes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.data.text.CharTokenizer;
import org.reprolab.data.text.TextCorpus;
import org.reprolab.tensor.Tensor;
import org.reprolab.zoo.BuildListener;
import org.reprolab.zoo.ZooModel;
import org.reprolab.zoo.internal.ZooServiceImpl;
import org.reprolab.zoo.models.GptLM;

class CharLmRecipeTest {

    @Test
    void windowsStartWithBosAndPredictEveryCharacter() {
        int[] ids = CharTokenizer.encode("abcdefgh");
        Tensor[] io = CharWindows.batch(ids, new int[] {0, 3}, 4);
        int a = 'a' - 32;
        assertArrayEquals(new int[] {97, a, a + 1, a + 2, 97, a + 3, a + 4, a + 5}, io[0].toIntArray());
        assertArrayEquals(new int[] {a, a + 1, a + 2, a + 3, a + 3, a + 4, a + 5, a + 6}, io[1].toIntArray());
        assertArrayEquals(new int[] {0, 2, 4}, CharWindows.evenStarts(8, 3, 4));
    }

    /** A tiny GPT learns a periodic text through the zoo (cache miss, then hit), far below the uniform 4.58 nats. */
    @Test
    void aTinyLmLearnsARepeatedPhrase(@TempDir Path cache) {
        TextCorpus corpus = TextCorpus.of("the cat sat on the mat.\n".repeat(400));
        CharLmRecipe recipe = new CharLmRecipe(corpus, "test LM", data -> BuiltInRecipes.tinyLmCharConfig("test-lm", data)
                .set("arch.d", 32).set("arch.layers", 1).set("arch.heads", 2).set("arch.ffn", 64).set("arch.context", 16)
                .set("train.steps", 100).set("train.batch", 8).set("train.warmup", 5).set("train.lr", 1e-2).set("train.min_lr", 1e-3).set("eval.windows", 16)
                .set("sanity.max.val_loss", 1.0).build());
        assertTrue(recipe.config().data().contains(corpus.sha256()));
        ZooServiceImpl zoo = new ZooServiceImpl(cache, List.of(recipe));
        ZooModel built = zoo.get("test-lm", BuildListener.NONE);
        assertFalse(built.cacheHit());
        assertTrue(built.metrics().get("val_loss") < 1.0, built.metrics().toString());
        ZooModel hit = zoo.get("test-lm", BuildListener.NONE);
        assertTrue(hit.cacheHit());
        GptLM lm = (GptLM) hit.model();
        int[] val = CharTokenizer.encode(corpus, TextCorpus.Split.VAL);
        int[] starts = CharWindows.evenStarts(val.length, 16, 16);
        assertEquals(built.metrics().get("val_loss"), CharWindows.meanLoss(lm, val, starts, 16, 32), 1e-5);
    }

    /** tiny-lm-char's config is pinned: a change orphans its cached entry, so it must be deliberate. */
    @Test
    void tinyLmCharsConfigIsPinned() {
        assertEquals("dad90386a905d9dea93384705e05e56686dd5e9f522433994c6456195b0b8d50",
                BuiltInRecipes.tinyLmCharConfig(BuiltInRecipes.TINY_LM_CHAR, "d").build().key("1"));
    }
}
