/**
 * The autoencoders family's shared core (methods/autoencoders.md): Gaussian latent utilities — the analytic KL
 * between diagonal Gaussians per dimension ({@link org.reprolab.autoencoders.common.GaussianKl}) and the
 * active-units count ({@link org.reprolab.autoencoders.common.ActiveUnits}), and as autograd tensors with
 * reparameterised sampling ({@link org.reprolab.autoencoders.common.GaussianLatents}) — and metrics: ROC-AUC
 * ({@link org.reprolab.autoencoders.common.RocAuc}), exact k-nearest neighbours
 * ({@link org.reprolab.autoencoders.common.NearestNeighbours}), discrete and k-NN mutual information
 * ({@link org.reprolab.autoencoders.common.MutualInformation}) and unregularised multinomial logistic regression
 * ({@link org.reprolab.autoencoders.common.MultinomialLogisticRegression}).
 */
@Export
@Version("1.0.0")
package org.reprolab.autoencoders.common;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
