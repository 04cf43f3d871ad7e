package org.reprolab.method.latentquantization;

import org.reprolab.tensor.Tensor;

/**
 * A quantised code: the encoder's continuous z_c, its nearest codebook entries z_q (differentiable in the codebook)
 * and their indices.
 *
 * @param index [B, n_z] per-dimension value indices (scalar codebooks) or [B] code indices (global codebook)
 */
record Quantised(Tensor continuous, Tensor quantised, Tensor index) {

    /** z_c + sg(z_q − z_c): equals z_q forwards, passes the identity gradient to z_c backwards. */
    Tensor straightThrough() {
        return continuous.add(quantised.sub(continuous).detach());
    }

    /** ‖sg(z_c) − z_q‖², averaged over dimensions and batch (as the authors' code): moves the codebook only. */
    Tensor quantisationLoss() {
        return continuous.detach().sub(quantised).square().mean();
    }

    /** ‖z_c − sg(z_q)‖², averaged over dimensions and batch (as the authors' code): commits the encoder. */
    Tensor commitmentLoss() {
        return continuous.sub(quantised.detach()).square().mean();
    }
}
