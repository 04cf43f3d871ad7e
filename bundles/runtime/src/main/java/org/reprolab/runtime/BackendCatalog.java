package org.reprolab.runtime;

import java.util.List;

/**
 * The compute backends new runs can choose. The JVM backend is always there and is the default; accelerator
 * backends appear when their bundles register a {@code org.reprolab.tensor.backend.BackendProvider} service
 * and disappear when those bundles stop. A run keeps the backend it was submitted with until it ends, even if
 * the backend's bundle is uninstalled meanwhile.
 */
public interface BackendCatalog {

    /** Every backend known now, the default first, then by kind. */
    List<BackendInfo> backends();
}
