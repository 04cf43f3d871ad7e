package org.reprolab.launch.host;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of the ReproLab host: {@code reprolab <command> [args…]}. Starts Felix with the distribution's
 * bundles, then either hands the command line to the {@code HeadlessCommand} service or, for
 * {@code console}, runs the interactive Gogo shell until the framework stops.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (Runtime.version().feature() < 25) {
            System.err.println("reprolab: needs Java 25 or newer, this is " + Runtime.version()
                    + "; set JAVA_HOME to a JDK 25 (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)");
            System.exit(2);
        }
        HostLogging.configure();
        Path home = Distribution.home();
        List<String> argList = Arrays.asList(args);
        boolean console = !argList.isEmpty() && argList.get(0).equals("console");
        int status;
        try (Host host = Host.start(home, HostConfig.load(home, console), console)) {
            status = console ? host.runConsole() : host.execute(argList, System.out, System.err);
        } catch (HostException e) {
            System.err.println("reprolab: " + e.getMessage());
            status = 1;
        }
        System.out.flush();
        System.exit(status);
    }
}
