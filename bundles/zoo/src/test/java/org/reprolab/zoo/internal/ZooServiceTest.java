package org.reprolab.zoo.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.api.RunCancelledException;
import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.nn.StateDict;
import org.reprolab.zoo.BuildListener;
import org.reprolab.zoo.TinyRecipes;
import org.reprolab.zoo.ZooConfig;
import org.reprolab.zoo.ZooException;
import org.reprolab.zoo.ZooModel;
import org.reprolab.zoo.ZooRecipe;
import org.reprolab.zoo.ZooService;

class ZooServiceTest {

    private static ZooServiceImpl zoo(Path cache, ZooRecipe... recipes) {
        return new ZooServiceImpl(cache, List.of(recipes));
    }

    private static void assertSameWeights(ZooModel a, ZooModel b) {
        Map<String, Tensor> sa = a.model().stateDict();
        Map<String, Tensor> sb = b.model().stateDict();
        assertEquals(sa.keySet(), sb.keySet());
        sa.forEach((k, v) -> assertArrayEquals(v.toFloatArray(), sb.get(k).toFloatArray(), k));
    }

    @Test
    void aMissTrainsAndSavesThenAHitLoadsTheSameWeights(@TempDir Path cache) {
        ZooRecipe recipe = TinyRecipes.tinyMlp();
        ZooServiceImpl zoo = zoo(cache, recipe);
        ZooModel built = zoo.get("test-mlp");
        assertFalse(built.cacheHit());
        assertTrue(built.buildTime().compareTo(Duration.ZERO) > 0);
        assertTrue(built.metrics().get("test_accuracy") > 0.1, "four steps already beat chance: " + built.metrics());
        assertEquals(cache.resolve("test-mlp").resolve(built.key()).resolve("model.safetensors"), built.file());
        assertFalse(built.model().isTraining());

        ZooModel again = zoo.get("test-mlp");
        assertTrue(again.cacheHit());
        assertEquals(Duration.ZERO, again.buildTime());
        assertEquals(built.metrics(), again.metrics());
        assertSameWeights(built, again);
        assertTrue(again.describe().endsWith("cache hit"), again.describe());

        // a new service over the same folder (a later process) hits too
        assertTrue(zoo(cache, recipe).get("test-mlp").cacheHit());
        assertEquals(1, zoo.entries().size());
        assertEquals(built.key(), zoo.cached(recipe).orElseThrow().key());
    }

    @Test
    void theSameConfigGivesTheSameWeightsInAnotherCache(@TempDir Path a, @TempDir Path b) {
        assertSameWeights(zoo(a).get(TinyRecipes.tinyMlp(), BuildListener.NONE),
                zoo(b).get(TinyRecipes.tinyMlp(), BuildListener.NONE));
    }

    @Test
    void aTruncatedEntryIsRebuiltWithAWarning(@TempDir Path cache) throws IOException {
        ZooServiceImpl zoo = zoo(cache, TinyRecipes.tinyMlp());
        ZooModel built = zoo.get("test-mlp");
        try (FileChannel ch = FileChannel.open(built.file(), StandardOpenOption.WRITE)) {
            ch.truncate(ch.size() / 2);
        }
        List<String> messages = Collections.synchronizedList(new ArrayList<>());
        ZooModel rebuilt = zoo.get("test-mlp", (done, total, message) -> messages.add(message));
        assertFalse(rebuilt.cacheHit());
        assertTrue(messages.getFirst().contains("corrupt") && messages.getFirst().contains("truncated"), messages.getFirst());
        assertSameWeights(built, rebuilt);
        assertTrue(zoo.get("test-mlp").cacheHit());
    }

    @Test
    void weightsWithoutTheirMetadataAreRebuilt(@TempDir Path cache) throws IOException {
        ZooServiceImpl zoo = zoo(cache, TinyRecipes.tinyMlp());
        ZooModel built = zoo.get("test-mlp");
        StateDict.save(built.model().stateDict(), built.file());
        assertTrue(zoo.cached(zoo.recipe("test-mlp")).isEmpty());
        assertFalse(zoo.get("test-mlp").cacheHit());
        assertTrue(zoo.get("test-mlp").cacheHit());
    }

    @Test
    void concurrentRequestsInOneProcessTrainOnce(@TempDir Path cache) throws Exception {
        TinyRecipes.Counting recipe = new TinyRecipes.Counting(TinyRecipes.tinyMlp(), 300);
        ZooServiceImpl zoo = zoo(cache, recipe);
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ZooModel>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return zoo.get("test-mlp");
                }));
            }
            start.countDown();
            List<ZooModel> models = new ArrayList<>();
            for (Future<ZooModel> f : results) {
                models.add(f.get(60, TimeUnit.SECONDS));
            }
            assertEquals(1, recipe.trainings.get());
            assertEquals(1, models.stream().filter(m -> !m.cacheHit()).count());
            models.forEach(m -> assertSameWeights(models.getFirst(), m));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentRequestsFromTwoProcessesTrainOnce(@TempDir Path cache, @TempDir Path work) throws Exception {
        Path go = work.resolve("go");
        List<Process> processes = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "--add-modules", "jdk.incubator.vector", "-cp", System.getProperty("java.class.path"),
                        ZooRequestMain.class.getName(), cache.toString(), go.toString())
                        .redirectError(work.resolve("stderr" + i).toFile()).start();
                processes.add(p);
                outputs.add(new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8)));
            }
            for (BufferedReader out : outputs) {
                assertEquals("ready", out.readLine());
            }
            Files.createFile(go);
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                assertTrue(processes.get(i).waitFor(120, TimeUnit.SECONDS), "process " + i + " did not finish");
                assertEquals(0, processes.get(i).exitValue(), () -> "process failed: " + read(work.resolve("stderr0"))
                        + read(work.resolve("stderr1")));
                answers.add(outputs.get(i).readLine());
            }
            Collections.sort(answers);
            assertEquals(List.of("hit", "miss"), answers);
        } finally {
            processes.forEach(Process::destroyForcibly);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }

    @Test
    void aMissedSanityCheckFailsLoudlyAndCachesNothing(@TempDir Path cache) {
        ZooRecipe recipe = TinyRecipes.tinyMlp(TinyRecipes.tinyMlpConfig("test-mlp")
                .set(ZooConfig.SANITY_MIN + "test_accuracy", 0.999).build());
        ZooServiceImpl zoo = zoo(cache, recipe);
        ZooException e = assertThrows(ZooException.class, () -> zoo.get("test-mlp"));
        assertTrue(e.getMessage().contains("missed its sanity check: test_accuracy = ")
                && e.getMessage().contains("needed ≥ 0.999"), e.getMessage());
        assertTrue(zoo.cached(recipe).isEmpty());
        assertTrue(zoo.entries().isEmpty());
    }

    @Test
    void aCancelledBuildStopsAndCachesNothing(@TempDir Path cache) {
        ZooServiceImpl zoo = zoo(cache, new TinyRecipes.Counting(TinyRecipes.tinyMlp(), 5000));
        AtomicBoolean cancelled = new AtomicBoolean();
        BuildListener listener = BuildListener.of((done, total, message) -> { }, cancelled::get);
        Thread.ofPlatform().start(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            cancelled.set(true);
        });
        long t0 = System.nanoTime();
        assertThrows(RunCancelledException.class, () -> zoo.get("test-mlp", listener));
        assertTrue(System.nanoTime() - t0 < 3_000_000_000L, "the build did not stop promptly");
        assertTrue(zoo.entries().isEmpty());
    }

    @Test
    void configKeysAreStableAndChangeWithEverySetting() {
        ZooConfig config = ZooConfig.builder("m").architecture("a").data("d").seed(3).set("x", 1).set("lr", 1e-3).build();
        ZooConfig reordered = ZooConfig.builder("m").set("lr", 1e-3).set("x", 1).seed(3).data("d").architecture("a").build();
        assertEquals("name=m\narchitecture=a\ndata=d\nseed=3\nlr=0.001\nx=1\n", config.canonical());
        assertEquals(config.key("1"), reordered.key("1"));
        // pinned: a change here silently orphans every cache entry, so it must be deliberate
        assertEquals("d537b9f08f4d580f25839e5e8cd805342d97bc8c5424498cb99f34944ae92469", config.key("1"));
        assertNotEquals(config.key("1"), config.key("2"));
        assertNotEquals(config.key("1"), config.toBuilder("m").set("x", 2).build().key("1"));
        assertNotEquals(config.key("1"), config.toBuilder("m").seed(4).build().key("1"));
        assertThrows(IllegalArgumentException.class, () -> ZooConfig.builder("Bad Name").architecture("a").data("d").build());
        assertThrows(IllegalArgumentException.class, () -> config.toBuilder("m").set("x", "two\nlines").build());
    }

    @Test
    void clearRemovesEntriesButNotOneBeingBuilt(@TempDir Path cache) throws Exception {
        CountDownLatch training = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ZooRecipe other = TinyRecipes.tinyMlp(TinyRecipes.tinyMlpConfig("test-mlp-2").build());
        ZooRecipe blocked = new TinyRecipes.Counting(other, 0) {
            @Override
            public Map<String, Double> train(org.reprolab.tensor.nn.Module model, org.reprolab.zoo.BuildContext ctx)
                    throws Exception {
                training.countDown();
                release.await();
                return super.train(model, ctx);
            }
        };
        ZooServiceImpl zoo = zoo(cache, TinyRecipes.tinyMlp(), blocked);
        zoo.get("test-mlp");
        Future<ZooModel> building = Executors.newSingleThreadExecutor().submit(() -> zoo.get("test-mlp-2"));
        assertTrue(training.await(30, TimeUnit.SECONDS));
        ZooService.ClearResult cleared = zoo.clear();
        release.countDown();
        assertEquals(1, cleared.removed());
        assertTrue(cleared.bytes() > 4 * 784 * 16);
        assertEquals(List.of(cache.resolve("test-mlp-2").resolve(zoo.key(blocked))), cleared.busy());
        assertFalse(Files.exists(cache.resolve("test-mlp")));
        assertFalse(building.get(60, TimeUnit.SECONDS).cacheHit());
        assertEquals(List.of("test-mlp-2"), zoo.entries().stream().map(e -> e.name()).toList());
        assertFalse(zoo.get("test-mlp").cacheHit());
    }

    @Test
    void unknownNamesAreListed(@TempDir Path cache) {
        ZooException e = assertThrows(ZooException.class, () -> zoo(cache, TinyRecipes.tinyMlp()).get("nope"));
        assertEquals("no zoo model named 'nope'; the zoo has test-mlp", e.getMessage());
    }

    @Test
    void theBuiltInsAreTheModelsTheMethodsName() {
        List<String> names = ZooServiceImpl.builtIn().stream().map(ZooRecipe::name).sorted().toList();
        assertEquals(List.of("fmnist-cnn", "fmnist-mlp", "tiny-lm-char", "tiny-vit-fmnist", "tokfsm-lm"), names);
    }
}
