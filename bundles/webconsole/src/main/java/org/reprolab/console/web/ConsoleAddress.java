package org.reprolab.console.web;

import java.nio.file.Path;
import org.osgi.framework.BundleContext;

/**
 * Where the web console is, from the framework properties the host sets ({@code reprolab.console.host},
 * {@code reprolab.console.port}), and where its password hash is kept ({@code reprolab.console.passwordFile},
 * default {@code conf/console.password} in the distribution).
 */
record ConsoleAddress(String host, String port, String managerRoot, Path passwordFile) {

    static ConsoleAddress of(BundleContext context) {
        Path home = Path.of(property(context, "reprolab.home", "."));
        return new ConsoleAddress(property(context, "reprolab.console.host", "127.0.0.1"),
                property(context, "reprolab.console.port", "8080"),
                property(context, "felix.webconsole.manager.root", "/system/console"),
                Path.of(property(context, "reprolab.console.passwordFile",
                        home.resolve("conf").resolve("console.password").toString())));
    }

    /** The Experiments page; a wildcard listening address is shown as the loopback one the user can open. */
    String experimentsUrl() {
        String shown = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host.contains(":") ? "[" + host + "]" : host;
        return "http://" + shown + ":" + port + managerRoot + "/" + ExperimentsPlugin.LABEL;
    }

    private static String property(BundleContext context, String name, String fallback) {
        String value = context.getProperty(name);
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
