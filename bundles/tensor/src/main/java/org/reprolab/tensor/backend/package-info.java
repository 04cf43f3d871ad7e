/**
 * The compute backend SPI: {@link org.reprolab.tensor.backend.Backend} kernels over strided
 * {@link org.reprolab.tensor.backend.View}s of device-resident {@link org.reprolab.tensor.backend.Storage}.
 * Accelerator bundles implement it and register a {@link org.reprolab.tensor.backend.BackendProvider} service.
 */
@Export
@Version("0.3.0")
package org.reprolab.tensor.backend;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
