package org.reprolab.runtime.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/** What machine and JVM a run ran on, for its record. */
final class Environment {

    private Environment() {
    }

    static Map<String, String> describe() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("java.version", System.getProperty("java.version"));
        env.put("java.vendor", System.getProperty("java.vendor"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"));
        env.put("cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        env.put("maxHeapMiB", Long.toString(Runtime.getRuntime().maxMemory() >> 20));
        return env;
    }
}
