package org.reprolab.method.dltheory;

import java.util.random.RandomGenerator;

/**
 * The NTK part's correctness checks on one small network (3 weight layers, so an n × n layer is covered):
 * autograd's per-example Jacobian against central finite differences, the hand-written backpropagation against
 * autograd, and the factorised Θ against JJᵀ.
 *
 * @param autogradVsFiniteDifferences max |J_autograd − J_fd|
 * @param backpropVsAutograd          max |J_backprop − J_autograd|
 * @param ntkVsJacobianProduct        max |Θ − J Jᵀ| relative to max |Θ|
 */
record JacobianCheck(double autogradVsFiniteDifferences, double backpropVsAutograd, double ntkVsJacobianProduct) {

    static final int WIDTH = 8;
    static final int DEPTH = 3;
    static final int EXAMPLES = 4;
    static final double STEP = 1e-6;

    static JacobianCheck run(int inputDim, RandomGenerator rng) {
        NtkNetwork net = NtkNetwork.initialise(inputDim, WIDTH, DEPTH, rng);
        double[][] x = SpherePoints.draw(EXAMPLES, inputDim, rng);
        double[][] autograd = AutogradJacobian.of(net, x);
        double[][] backprop = net.jacobian(x);
        double[][] fd = finiteDifferences(net, x);
        double[][] theta = net.ntk(x);
        double[][] product = new double[x.length][x.length];
        double scale = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < x.length; j++) {
                double sum = 0;
                for (int p = 0; p < backprop[i].length; p++) {
                    sum += backprop[i][p] * backprop[j][p];
                }
                product[i][j] = sum;
                scale = Math.max(scale, Math.abs(theta[i][j]));
            }
        }
        return new JacobianCheck(maxDifference(autograd, fd), maxDifference(backprop, autograd),
                maxDifference(theta, product) / scale);
    }

    /** Central differences of the outputs, step {@link #STEP} on each parameter in turn (restored afterwards). */
    static double[][] finiteDifferences(NtkNetwork net, double[][] x) {
        int p = net.parameterCount();
        double[][] j = new double[x.length][p];
        for (int q = 0; q < p; q++) {
            net.perturb(q, STEP);
            double[] plus = net.outputs(x);
            net.perturb(q, -2 * STEP);
            double[] minus = net.outputs(x);
            net.perturb(q, STEP);
            for (int i = 0; i < x.length; i++) {
                j[i][q] = (plus[i] - minus[i]) / (2 * STEP);
            }
        }
        return j;
    }

    static double maxDifference(double[][] a, double[][] b) {
        double worst = 0;
        for (int i = 0; i < a.length; i++) {
            for (int k = 0; k < a[i].length; k++) {
                worst = Math.max(worst, Math.abs(a[i][k] - b[i][k]));
            }
        }
        return worst;
    }
}
