package org.reprolab.launch.host;

import org.osgi.framework.Bundle;
import org.osgi.framework.ServiceReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Sends the framework's own log to SLF4J, so Felix obeys REPROLAB_LOG like everything else. */
final class FelixLogBridge extends org.apache.felix.framework.Logger {

    private static final Logger LOG = LoggerFactory.getLogger("felix");

    FelixLogBridge() {
        setLogLevel(LOG_DEBUG);
    }

    @Override
    protected void doLog(Bundle bundle, @SuppressWarnings("rawtypes") ServiceReference sr, int level, String msg,
                         Throwable t) {
        String text = bundle == null ? msg : "[" + bundle.getSymbolicName() + "] " + msg;
        switch (level) {
            case LOG_ERROR -> LOG.debug(text, t);  // start failures are reported by Host, once, in plain words
            case LOG_WARNING -> LOG.warn(text, t);
            case LOG_INFO -> LOG.info(text, t);
            default -> LOG.debug(text, t);
        }
    }
}
