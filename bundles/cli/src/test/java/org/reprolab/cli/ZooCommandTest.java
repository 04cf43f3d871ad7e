package org.reprolab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.tensor.nn.Linear;
import org.reprolab.zoo.ZooConfig;
import org.reprolab.zoo.ZooService;
import org.reprolab.zoo.internal.ZooServiceImpl;
import org.reprolab.zoo.recipes.BuiltInRecipes;
import org.reprolab.zoo.recipes.ImageClassifierRecipe;
import picocli.CommandLine;

class ZooCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(ZooService zoo, String... args) {
        out.reset();
        err.reset();
        return new CommandLine(new ZooCommand(() -> zoo, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8))).execute(args);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    /** A linear classifier trained for two steps on 128 images: enough to exercise the commands. */
    private static ZooServiceImpl zoo(Path cache) {
        ZooConfig config = BuiltInRecipes.fashionMnist("cli-test", "linear 784-10", "flat").set("train.images", 128)
                .set("test.images", 100).set("train.epochs", 1).set("train.batch", 64).set("train.optimizer", "adam")
                .set("train.lr", 1e-3).set("train.schedule", "constant").build();
        return new ZooServiceImpl(cache, List.of(new ImageClassifierRecipe(config, "a test classifier",
                gen -> new Linear(784, 10, gen))));
    }

    @Test
    void listBuildListClear(@TempDir Path cache) {
        ZooServiceImpl zoo = zoo(cache);
        assertEquals(0, run(zoo, "list"));
        assertTrue(out().matches("(?s)model +cached .*\ncli-test +no +a test classifier\ncache: " + cache + "\n"), out());

        assertEquals(0, run(zoo, "build", "cli-test"));
        assertTrue(out().startsWith("cli-test " + zoo.key(zoo.recipe("cli-test")).substring(0, 8) + ": built in "), out());
        assertTrue(out().contains("test_accuracy "), out());
        assertEquals(0, run(zoo, "build", "cli-test"));
        assertTrue(out().contains(": cache hit"), out());

        assertEquals(0, run(zoo, "list"));
        assertTrue(out().contains("cli-test  yes"), out());
        assertEquals(0, run(zoo, "clear"));
        assertTrue(out().startsWith("removed 1 zoo model ("), out());
        assertEquals(0, run(zoo, "list"));
        assertTrue(out().contains("cli-test  no"), out());
    }

    @Test
    void anUnknownNameIsBadInput(@TempDir Path cache) {
        CommandLine cli = new CommandLine(new ZooCommand(() -> zoo(cache), new PrintStream(out), new PrintStream(err)));
        cli.setExecutionExceptionHandler((e, c, parsed) -> {
            err.writeBytes(e.getMessage().getBytes(StandardCharsets.UTF_8));
            return LabCommandLine.BAD_INPUT;
        });
        assertEquals(LabCommandLine.BAD_INPUT, cli.execute("build", "nope"));
        assertEquals("no zoo model or group named 'nope'; the zoo has cli-test", err.toString(StandardCharsets.UTF_8));
    }
}
