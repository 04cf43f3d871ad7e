/**
 * The runtime's services, used by the headless CLI and the console: the experiment registry (whiteboard of
 * {@link org.reprolab.api.Experiment} services), the run engine, the run store, the feature service, the catalog of
 * compute backends; and the {@link org.reprolab.runtime.ReportRenderer} SPI (1.4) through which the report bundle
 * draws runs.
 */
@Export
@Version("1.4.0")
package org.reprolab.runtime;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
