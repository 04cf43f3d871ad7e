package org.reprolab.launch.host;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Where the distribution lives: {@code -Dreprolab.home}, else the folder above the launcher jar's {@code bin/}. */
final class Distribution {

    private Distribution() {
    }

    static Path home() {
        String configured = System.getProperty("reprolab.home");
        if (configured != null) {
            return Path.of(configured).toAbsolutePath();
        }
        try {
            Path jar = Path.of(Main.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return jar.getParent().getParent().toAbsolutePath();
        } catch (URISyntaxException e) {
            throw new HostException("cannot locate the distribution; set -Dreprolab.home", e);
        }
    }
}
