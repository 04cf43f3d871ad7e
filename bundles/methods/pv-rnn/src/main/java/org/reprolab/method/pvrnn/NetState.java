package org.reprolab.method.pvrnn;

import org.reprolab.tensor.Tensor;
import org.reprolab.tensor.backend.DType;

/**
 * The deterministic state of every layer (index 0 = bottom) for a batch of sequences: internal states h and their
 * activations d = tanh(h), each [batch, d_l].
 */
record NetState(Tensor[] h, Tensor[] d) {

    /** h = d = 0 for every layer (the state before the first step). */
    static NetState zeros(PvRnn net, int batch) {
        int layers = net.layerCount();
        Tensor[] h = new Tensor[layers];
        for (int l = 0; l < layers; l++) {
            h[l] = Tensor.zeros(DType.FLOAT64, batch, net.layer(l).size().d());
        }
        return new NetState(h, h.clone());
    }

    /** The same state cut from the autograd graph. */
    NetState detach() {
        Tensor[] hh = new Tensor[h.length];
        Tensor[] dd = new Tensor[d.length];
        for (int l = 0; l < h.length; l++) {
            hh[l] = h[l].detach();
            dd[l] = d[l].detach();
        }
        return new NetState(hh, dd);
    }

    /** This state with {@code delta} added to unit 0 of layer {@code layer}'s h (d recomputed). */
    NetState perturbed(int layer, double delta) {
        Tensor[] hh = h.clone();
        Tensor[] dd = d.clone();
        double[] values = h[layer].contiguous().toDoubleArray();
        int width = h[layer].size(1);
        for (int row = 0; row < h[layer].size(0); row++) {
            values[row * width] += delta;
        }
        hh[layer] = Tensor.of(values, h[layer].shape());
        dd[layer] = hh[layer].tanh();
        return new NetState(hh, dd);
    }
}
