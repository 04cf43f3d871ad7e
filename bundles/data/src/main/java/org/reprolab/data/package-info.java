/**
 * Datasets for ReproLab experiments: Fashion-MNIST read from its IDX files and small real tabular
 * tables shipped inside this bundle. A missing or corrupt file gives a {@link org.reprolab.data.DataException}
 * naming the file and saying how to get it; never a silent partial dataset.
 */
@Export
@Version("1.0.0")
package org.reprolab.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
