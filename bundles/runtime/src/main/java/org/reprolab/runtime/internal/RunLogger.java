package org.reprolab.runtime.internal;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.Marker;
import org.slf4j.event.Level;
import org.slf4j.helpers.LegacyAbstractLogger;
import org.slf4j.helpers.MessageFormatter;

/**
 * The logger an experiment gets: every line goes to the run's {@code run.log} (at DEBUG and above) and to the
 * platform's logger {@code run.<experiment-id>}.
 */
final class RunLogger extends LegacyAbstractLogger implements AutoCloseable {

    private static final long serialVersionUID = 1L;

    private final transient Logger platform;
    private final transient BufferedWriter file;

    RunLogger(String experimentId, Path logFile) throws IOException {
        this.name = "run." + experimentId;
        this.platform = LoggerFactory.getLogger(name);
        this.file = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    @Override
    protected String getFullyQualifiedCallerName() {
        return null;
    }

    @Override
    protected void handleNormalizedLoggingCall(Level level, Marker marker, String pattern, Object[] args, Throwable t) {
        String message = MessageFormatter.basicArrayFormat(pattern, args);
        synchronized (this) {
            try {
                file.write(Instant.now() + " " + level + " " + message);
                file.newLine();
                if (t != null) {
                    file.write(t.toString());
                    file.newLine();
                    for (StackTraceElement e : t.getStackTrace()) {
                        file.write("    at " + e);
                        file.newLine();
                    }
                }
                file.flush();
            } catch (IOException e) {
                platform.warn("cannot write run.log: {}", e.toString());
            }
        }
        platform.atLevel(level).setCause(t).log(message);
    }

    @Override
    public boolean isTraceEnabled() {
        return false;
    }

    @Override
    public boolean isDebugEnabled() {
        return true;
    }

    @Override
    public boolean isInfoEnabled() {
        return true;
    }

    @Override
    public boolean isWarnEnabled() {
        return true;
    }

    @Override
    public boolean isErrorEnabled() {
        return true;
    }

    @Override
    public synchronized void close() throws IOException {
        file.close();
    }
}
