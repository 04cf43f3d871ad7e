package org.reprolab.runtime.internal;

import org.reprolab.runtime.BadRequestException;
import org.reprolab.tensor.backend.Backend;

/** How the run engine takes a backend for a run and gives it back when the run ends. */
interface BackendLeasing {

    /**
     * Opens (or shares) the backend named {@code choice}: a kind ({@code opencl}) or a kind and a device index
     * ({@code opencl:1}).
     *
     * @throws BadRequestException when the kind is unknown or the backend cannot be used here
     */
    Lease lease(String choice);

    /** One run's hold on a backend; closing it lets the backend be released once its provider is gone. */
    interface Lease extends AutoCloseable {
        Backend backend();

        @Override
        void close();
    }
}
