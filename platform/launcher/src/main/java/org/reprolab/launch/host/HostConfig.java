package org.reprolab.launch.host;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The framework properties: the host's defaults, then {@code conf/config.properties}, then {@code -D}
 * system properties that start with {@code reprolab.} or {@code felix.}.
 */
public final class HostConfig {

    /** Packages the host exports to the bundles through the system bundle. */
    static final String HOST_PACKAGES = String.join(",",
            "org.reprolab.launch;version=1.0.0",
            "org.slf4j;version=2.0.17", "org.slf4j.spi;version=2.0.17", "org.slf4j.event;version=2.0.17",
            "org.slf4j.helpers;version=2.0.17",
            // Also as 1.7.36, as slf4j-api's own bundle does: the Web Console imports org.slf4j [1.7,2).
            "org.slf4j;version=1.7.36", "org.slf4j.helpers;version=1.7.36",
            // The Vector API (incubating): the launcher adds the module to the boot layer.
            "jdk.incubator.vector");

    private static final Logger LOG = LoggerFactory.getLogger(HostConfig.class);

    private HostConfig() {
    }

    public static Map<String, String> load(Path home, boolean console) {
        Map<String, String> props = new HashMap<>();
        props.put("org.osgi.framework.system.packages.extra", HOST_PACKAGES);
        props.put("org.osgi.framework.storage.clean", "onFirstInit");
        props.put("org.osgi.framework.bootdelegation", "sun.*,com.sun.*,jdk.internal.*");
        props.put("felix.log.level", "1");
        props.put("reprolab.home", home.toString());
        props.put("reprolab.runs", Path.of(System.getProperty("reprolab.runs",
                System.getenv().getOrDefault("REPROLAB_RUNS", "runs"))).toAbsolutePath().toString());
        props.put("felix.fileinstall.dir", home.resolve("deploy").toString());
        props.put("felix.fileinstall.noInitialDelay", "true");
        props.put("felix.fileinstall.log.level", "1");
        props.put("gosh.args", console ? "" : "--nointeractive");
        props.put("gosh.home", home.toString());
        Path file = home.resolve("conf").resolve("config.properties");
        if (Files.isRegularFile(file)) {
            Properties fromFile = new Properties();
            try (Reader r = Files.newBufferedReader(file)) {
                fromFile.load(r);
            } catch (IOException e) {
                throw new HostException("cannot read " + file + ": " + e.getMessage(), e);
            }
            fromFile.stringPropertyNames().forEach(k -> props.put(k, fromFile.getProperty(k)));
        }
        System.getProperties().stringPropertyNames().stream()
                .filter(k -> k.startsWith("reprolab.") || k.startsWith("felix.") || k.startsWith("gosh."))
                .filter(k -> !k.equals("reprolab.home"))
                .forEach(k -> props.put(k, System.getProperty(k)));
        webConsole(props);
        LOG.debug("framework properties: {}", props);
        return props;
    }

    /**
     * The web console's address in ReproLab's own names ({@code reprolab.console.host}, loopback unless
     * configured; {@code reprolab.console.port}) handed to Jetty under its names, and the Web Console told to
     * serve nothing until ReproLab's password check is registered: its built-in fallback knows a default password.
     */
    private static void webConsole(Map<String, String> props) {
        props.putIfAbsent("reprolab.console.host", "127.0.0.1");
        props.putIfAbsent("reprolab.console.port", "8080");
        props.put("org.apache.felix.http.host", props.get("reprolab.console.host"));
        props.put("org.osgi.service.http.port", props.get("reprolab.console.port"));
        props.put("felix.webconsole.security.providers", "reprolab");
    }
}
