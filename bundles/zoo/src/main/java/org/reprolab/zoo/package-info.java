/**
 * The model zoo: base models trained once, deterministically, and cached by a hash of their config and the
 * training code's version. Methods ask the {@link org.reprolab.zoo.ZooService} for a model by name; the first
 * request trains it (with progress and cancellation), later ones load it. Other bundles add models by
 * registering {@link org.reprolab.zoo.ZooRecipe} services.
 */
@Export
@Version("0.1.0")
package org.reprolab.zoo;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
