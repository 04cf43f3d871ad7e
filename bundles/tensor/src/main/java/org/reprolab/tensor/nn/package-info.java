/**
 * Neural-network building blocks over {@link org.reprolab.tensor.Tensor}: modules with named parameters,
 * layers, losses and initializers.
 */
@Export
@Version("0.1.0")
package org.reprolab.tensor.nn;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
