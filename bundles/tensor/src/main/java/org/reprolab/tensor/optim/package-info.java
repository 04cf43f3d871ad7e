/**
 * Optimizers (SGD, Adam, AdamW, LAMB), learning-rate schedules, gradient clipping and parameter groups.
 */
@Export
@Version("0.1.0")
package org.reprolab.tensor.optim;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
