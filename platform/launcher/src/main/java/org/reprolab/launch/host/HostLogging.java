package org.reprolab.launch.host;

/**
 * Configures the one SLF4J binding the host provides (slf4j-simple) before the first logger is made:
 * warnings and errors to stderr by default; {@code REPROLAB_LOG=debug|info|…} changes the level.
 */
final class HostLogging {

    private HostLogging() {
    }

    static void configure() {
        String level = System.getenv().getOrDefault("REPROLAB_LOG", "warn");
        setDefault("org.slf4j.simpleLogger.defaultLogLevel", level);
        setDefault("org.slf4j.simpleLogger.logFile", "System.err");
        setDefault("org.slf4j.simpleLogger.showDateTime", "true");
        setDefault("org.slf4j.simpleLogger.dateTimeFormat", "HH:mm:ss.SSS");
        setDefault("org.slf4j.simpleLogger.showShortLogName", "true");
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
