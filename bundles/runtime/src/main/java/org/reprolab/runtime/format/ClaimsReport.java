package org.reprolab.runtime.format;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import org.reprolab.api.ClaimCheck;

/**
 * The claims of a run as a reader wants them: one block per claim, its verdict and statement first, then
 * what was measured and what the specification expected, wrapped to a readable width.
 */
public final class ClaimsReport {

    private static final int WIDTH = 100;
    private static final String INDENT = "              ";

    private ClaimsReport() {
    }

    public static void print(List<ClaimCheck> claims, PrintStream out) {
        for (ClaimCheck c : claims) {
            String head = String.format("%-4s %-8s ", c.id(), c.held() ? "held" : "NOT HELD");
            wrap(head, c.statement(), out);
            wrap(INDENT + "measured ", c.measured(), out);
            wrap(INDENT + "expected ", c.expected(), out);
        }
    }

    /** Prints {@code text} after {@code lead}, continuing on lines indented like {@link #INDENT}. */
    static void wrap(String lead, String text, PrintStream out) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder(lead);
        int start = lead.length();
        for (String word : text.strip().split("\\s+")) {
            if (line.length() > start && line.length() + 1 + word.length() > WIDTH) {
                lines.add(line.toString());
                line = new StringBuilder(INDENT + "  ");
                start = line.length();
            }
            if (line.length() > start) {
                line.append(' ');
            }
            line.append(word);
        }
        lines.add(line.toString());
        lines.forEach(out::println);
    }
}
