package org.reprolab.zoo;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.nn.Linear;
import org.reprolab.tensor.nn.Module;
import org.reprolab.tensor.nn.ReLU;
import org.reprolab.tensor.nn.Sequential;
import org.reprolab.zoo.recipes.BuiltInRecipes;
import org.reprolab.zoo.recipes.ImageClassifierRecipe;

/** Smoke-sized zoo recipes for the tests: a 784-16-10 MLP trained for four steps on 256 Fashion-MNIST images. */
public final class TinyRecipes {
    private TinyRecipes() {
    }

    public static ZooConfig.Builder tinyMlpConfig(String name) {
        return BuiltInRecipes.fashionMnist(name, "mlp 784-16-10 relu", "flat").set("train.images", 256)
                .set("test.images", 200).set("train.epochs", 1).set("train.batch", 64).set("train.optimizer", "adam")
                .set("train.lr", 1e-3).set("train.schedule", "cosine");
    }

    public static ImageClassifierRecipe tinyMlp(ZooConfig config) {
        return new ImageClassifierRecipe(config, "tiny test MLP",
                gen -> new Sequential(new Linear(784, 16, gen), new ReLU(), new Linear(16, 10, gen)));
    }

    public static ImageClassifierRecipe tinyMlp() {
        return tinyMlp(tinyMlpConfig("test-mlp").build());
    }

    /** A recipe that counts its trainings and, before each, waits a while (so concurrent requests overlap). */
    public static class Counting implements ZooRecipe {
        public final AtomicInteger trainings = new AtomicInteger();
        private final ZooRecipe inner;
        private final long pauseMs;

        public Counting(ZooRecipe inner, long pauseMs) {
            this.inner = inner;
            this.pauseMs = pauseMs;
        }

        @Override
        public ZooConfig config() {
            return inner.config();
        }

        @Override
        public String description() {
            return inner.description();
        }

        @Override
        public Module newModel(Generator gen) {
            return inner.newModel(gen);
        }

        @Override
        public Map<String, Double> train(Module model, BuildContext ctx) throws Exception {
            trainings.incrementAndGet();
            for (long waited = 0; waited < pauseMs; waited += 20) {
                ctx.checkCancelled();
                Thread.sleep(20);
            }
            return inner.train(model, ctx);
        }
    }
}
