/**
 * The autoencoders family's shared core (methods/autoencoders.md): Gaussian latent utilities — the analytic KL
 * between diagonal Gaussians per dimension ({@link org.reprolab.autoencoders.common.GaussianKl}) and the
 * active-units count ({@link org.reprolab.autoencoders.common.ActiveUnits}) — and metrics such as ROC-AUC
 * ({@link org.reprolab.autoencoders.common.RocAuc}).
 */
@Export
@Version("1.0.0")
package org.reprolab.autoencoders.common;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
