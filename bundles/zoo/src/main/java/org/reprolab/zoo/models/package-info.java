/**
 * The zoo's architectures, exported so that methods build the same networks (a fresh MatLM from the GPT block,
 * a quantized ViT around the zoo ViT's weights): {@link org.reprolab.zoo.models.GptLM} (pre-LN GPT with separate
 * Wq, Wk, Wv, Wo, W_up, W_down Linears), {@link org.reprolab.zoo.models.TinyViT}, and the Fashion-MNIST MLP and
 * CNN of {@link org.reprolab.zoo.models.FashionMnistNets}, whose input standardisation lives there too.
 */
@Export
@Version("0.1.0")
package org.reprolab.zoo.models;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
