/**
 * Tensors with reverse-mode autograd: n-d float32/float64/int tensors, views, broadcasting, and the ops the
 * lab's methods train with. A tensor's numbers live on a {@link org.reprolab.tensor.backend.Device}; every op
 * reaches them through that device's {@link org.reprolab.tensor.backend.Backend}.
 */
@Export
@Version("0.2.0")
package org.reprolab.tensor;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
