package org.reprolab.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code reprolab zoo …} in the real distribution: the zoo bundle resolves, its service starts, the CLI finds it. */
class ZooIT {

    private static Distribution.Outcome zoo(Path runs, Path cache, String... args) throws Exception {
        String[] all = new String[args.length + 1];
        all[0] = "zoo";
        System.arraycopy(args, 0, all, 1, args.length);
        Process p = Distribution.launch(runs, Map.of("REPROLAB_CACHE", cache.toString()), all);
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        byte[] err = p.getErrorStream().readAllBytes();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "reprolab zoo did not finish");
        return new Distribution.Outcome(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                new String(err, StandardCharsets.UTF_8));
    }

    @Test
    void listsTheBuiltInModelsAndRefusesAnUnknownOne(@TempDir Path runs, @TempDir Path cache) throws Exception {
        Distribution.Outcome list = zoo(runs, cache, "list");
        assertEquals(0, list.status(), list.err());
        for (String model : new String[] {"fmnist-mlp", "fmnist-cnn", "tiny-vit-fmnist", "tiny-lm-char"}) {
            assertTrue(list.out().contains("\n" + model + " "), list.out());
        }
        assertTrue(list.out().contains("cache: " + cache.resolve("zoo")), list.out());
        assertEquals("", list.err());

        Distribution.Outcome unknown = zoo(runs, cache, "build", "no-such-model");
        assertEquals(2, unknown.status());
        assertTrue(unknown.err().startsWith("reprolab: no zoo model or group named 'no-such-model'"), unknown.err());

        Distribution.Outcome clear = zoo(runs, cache, "clear");
        assertEquals(0, clear.status(), clear.err());
        assertTrue(clear.out().startsWith("removed 0 zoo models"), clear.out());
    }
}
