/**
 * The runtime's services, used by the headless CLI and the console: the experiment registry (whiteboard of
 * {@link org.reprolab.api.Experiment} services), the run engine, the run store, the feature service and the catalog of compute backends.
 */
@Export
@Version("1.4.0")
package org.reprolab.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
