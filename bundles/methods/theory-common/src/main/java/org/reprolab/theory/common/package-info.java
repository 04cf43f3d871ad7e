/**
 * The theory family's shared core: the ridge/kernel eigen-sweep ({@link org.reprolab.theory.common.EigenSweep}),
 * random-feature maps and their infinite-width kernels ({@link org.reprolab.theory.common.RandomFeatures},
 * {@link org.reprolab.theory.common.ArcCosineKernel}), the power-law Gaussian regression task
 * ({@link org.reprolab.theory.common.PowerLawTask}), bracketed root finding ({@link org.reprolab.theory.common.Brent})
 * seed summaries ({@link org.reprolab.theory.common.SeedSummary}) and Gauss–Hermite quadrature
 * ({@link org.reprolab.theory.common.GaussHermite}).
 *
 * <p>The API speaks plain Java arrays and records; EJML does the linear algebra inside and is embedded
 * privately in this bundle.
 */
@Export
@Version("1.1.0")
package org.reprolab.theory.common;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
