/**
 * Datasets for ReproLab experiments: Fashion-MNIST read from its IDX files (found locally or downloaded and
 * verified), small real tabular tables shipped inside this bundle, and the {@link org.reprolab.data.Datasets}
 * service that gives both with this installation's configuration. A missing or corrupt file gives a
 * {@link org.reprolab.data.DataException} naming the file and saying how to get it; never a silent partial dataset.
 */
@Export
@Version("1.2.0")
package org.reprolab.data;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
