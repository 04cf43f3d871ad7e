package org.reprolab.method.dltheory;

import org.reprolab.tensor.Tensor;

/**
 * The per-example Jacobian of an {@link NtkNetwork} computed by the tensor library's reverse-mode autograd (float64),
 * one backward pass per example: the reference the hand-written backpropagation is checked against.
 */
final class AutogradJacobian {

    private AutogradJacobian() {
    }

    /** J_{i,p} = ∂f(x_i)/∂θ_p (m × P), columns in {@link NtkNetwork#parameters()} order. */
    static double[][] of(NtkNetwork net, double[][] x) {
        int depth = net.depth();
        Tensor[] w = new Tensor[depth];
        for (int l = 0; l < depth; l++) {
            w[l] = Tensor.of(net.weights(l), net.fanIn(l), net.fanOut(l)).requiresGrad(true);
        }
        double[][] j = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            Tensor h = Tensor.of(x[i], 1, x[i].length);
            for (int l = 0; l < depth; l++) {
                Tensor z = h.matmul(w[l]).mul(net.scale(l));
                h = l < depth - 1 ? z.relu() : z;
            }
            for (Tensor t : w) {
                t.zeroGrad();
            }
            h.backward();
            double[] row = new double[net.parameterCount()];
            int at = 0;
            for (Tensor t : w) {
                double[] g = t.grad().toDoubleArray();
                System.arraycopy(g, 0, row, at, g.length);
                at += g.length;
            }
            j[i] = row;
        }
        return j;
    }
}
