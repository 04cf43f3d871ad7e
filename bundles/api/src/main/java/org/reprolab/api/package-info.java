/**
 * The Experiment contract. A method bundle registers one or more {@link org.reprolab.api.Experiment}
 * services; the runtime finds them by the whiteboard pattern, validates parameters against their
 * {@link org.reprolab.api.ParamSpec}s and calls {@link org.reprolab.api.Experiment#run} with a
 * {@link org.reprolab.api.RunContext}. An experiment declares its figures as
 * {@link org.reprolab.api.PlotSpec}s; 1.1 added them, with {@link org.reprolab.api.Heatmap} and
 * {@link org.reprolab.api.ImageGrid} results. This package depends on nothing but SLF4J's API.
 */
@Export
@Version("1.2.0")
package org.reprolab.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
