package org.reprolab.zoo.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.reprolab.zoo.BuildListener;
import org.reprolab.zoo.TinyRecipes;
import org.reprolab.zoo.ZooModel;

/**
 * A second process for {@code ZooServiceTest}: prints "ready", waits for the go file, requests the tiny MLP from
 * the cache folder, and prints "hit" or "miss".
 */
public final class ZooRequestMain {
    private ZooRequestMain() {
    }

    public static void main(String[] args) throws Exception {
        Path cache = Path.of(args[0]);
        Path go = Path.of(args[1]);
        TinyRecipes.Counting recipe = new TinyRecipes.Counting(TinyRecipes.tinyMlp(), 1000);
        ZooServiceImpl zoo = new ZooServiceImpl(cache, List.of(recipe));
        System.out.println("ready");
        System.out.flush();
        while (!Files.exists(go)) {
            Thread.sleep(10);
        }
        ZooModel model = zoo.get(recipe, BuildListener.NONE);
        System.out.println(model.cacheHit() ? "hit" : "miss");
    }
}
