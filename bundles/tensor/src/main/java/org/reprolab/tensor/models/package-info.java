/** Ready-made networks: the reference models of the benchmarks and the model zoo. */
@Export
@Version("0.1.0")
package org.reprolab.tensor.models;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
