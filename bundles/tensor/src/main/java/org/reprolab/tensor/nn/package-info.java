/**
 * Neural-network building blocks over {@link org.reprolab.tensor.Tensor}, shaped after PyTorch's
 * {@code torch.nn}: {@link org.reprolab.tensor.nn.Module} with named parameters, buffers and children; layers
 * ({@link org.reprolab.tensor.nn.Linear}, {@link org.reprolab.tensor.nn.MultiHeadAttention},
 * {@link org.reprolab.tensor.nn.TransformerBlock}, normalisations, recurrent cells, …) whose computations are
 * also plain functions in {@link org.reprolab.tensor.nn.Functional}; {@link org.reprolab.tensor.nn.Losses};
 * {@link org.reprolab.tensor.nn.Init}ializers; attention {@link org.reprolab.tensor.nn.Masks}. Layers with
 * weights or dropout take an explicit {@link org.reprolab.tensor.Generator}.
 */
@Export
@Version("0.1.0")
package org.reprolab.tensor.nn;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
