package org.reprolab.zoo.internal;

import java.util.Locale;
import org.reprolab.zoo.BuildListener;
import org.reprolab.zoo.ZooModel;

/**
 * Builds built-in zoo models into the default cache from the test class path, printing one line per model
 * (the same as {@code reprolab zoo build <name>}, without the platform): {@code ZooBuildMain fmnist-mlp fmnist-cnn}.
 */
public final class ZooBuildMain {
    private ZooBuildMain() {
    }

    public static void main(String[] args) {
        ZooServiceImpl zoo = new ZooServiceImpl();
        for (String name : args) {
            ZooModel m = zoo.get(name, BuildListener.NONE);
            System.out.printf(Locale.ROOT, "%s: %s, metrics %s, key %s%n", name, m.describe(), m.metrics(), m.key());
        }
    }
}
