package org.reprolab.launch;

import java.io.PrintStream;
import java.util.List;

/**
 * The one service the host calls: executes a command line inside the framework. A bundle registers it;
 * the host exports this package from the system bundle so both sides share the interface.
 */
public interface HeadlessCommand {

    /**
     * Runs {@code args} (e.g. {@code run more-is-better --profile full}) and returns the process exit status:
     * 0 ok, 1 run failed (or a claim did not hold with --strict), 2 bad input.
     */
    int execute(List<String> args, PrintStream out, PrintStream err);
}
