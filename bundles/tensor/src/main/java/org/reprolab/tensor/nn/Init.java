package org.reprolab.tensor.nn;

import org.reprolab.tensor.Autograd;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Shapes;
import org.reprolab.tensor.Tensor;

/**
 * Weight initializers with PyTorch's formulas ({@code torch.nn.init}). Each overwrites an existing tensor in
 * place (outside the graph), draws only from the generator it is given, and returns the tensor.
 * Fans follow PyTorch: for a weight [out, in, k…], fanIn = in·Πk and fanOut = out·Πk.
 */
public final class Init {
    private Init() {
    }

    /** Which fan a Kaiming initializer preserves the variance of: forward activations or backward gradients. */
    public enum Fan { IN, OUT }

    /** The nonlinearity that follows the layer; it sets the recommended gain. */
    public enum Nonlinearity { LINEAR, SIGMOID, TANH, RELU, LEAKY_RELU, SELU }

    /** PyTorch's {@code calculate_gain}; {@code negativeSlope} is used by LEAKY_RELU only. */
    public static double gain(Nonlinearity nonlinearity, double negativeSlope) {
        return switch (nonlinearity) {
            case LINEAR, SIGMOID -> 1.0;
            case TANH -> 5.0 / 3.0;
            case RELU -> Math.sqrt(2.0);
            case LEAKY_RELU -> Math.sqrt(2.0 / (1 + negativeSlope * negativeSlope));
            case SELU -> 0.75;
        };
    }

    public static double gain(Nonlinearity nonlinearity) {
        return gain(nonlinearity, 0.01);
    }

    /** {fanIn, fanOut} of a weight of at least two dimensions. */
    public static int[] fans(Tensor t) {
        if (t.rank() < 2) {
            throw new IllegalArgumentException("fan in and fan out need a tensor of at least 2 dimensions, got shape "
                    + Shapes.format(t.shape()));
        }
        int receptive = t.numel() / Math.max(1, t.size(0) * t.size(1));
        return new int[] {t.size(1) * receptive, t.size(0) * receptive};
    }

    private static Tensor write(Tensor t, Tensor values) {
        try (var ignored = Autograd.noGrad()) {
            t.copyFrom(values.to(t.backend()));
        }
        return t;
    }

    public static Tensor zeros(Tensor t) {
        return constant(t, 0);
    }

    public static Tensor ones(Tensor t) {
        return constant(t, 1);
    }

    public static Tensor constant(Tensor t, double value) {
        try (var ignored = Autograd.noGrad()) {
            t.fill(value);
        }
        return t;
    }

    /** U[low, high). */
    public static Tensor uniform(Tensor t, double low, double high, Generator gen) {
        return write(t, gen.uniform(low, high, t.shape()));
    }

    public static Tensor normal(Tensor t, double mean, double std, Generator gen) {
        return write(t, gen.normal(mean, std, t.shape()));
    }

    /**
     * Normal(mean, std) conditioned on [low, high], by redrawing the values that fall outside (fine for bounds
     * of a standard deviation or more, where few are redrawn).
     */
    public static Tensor truncatedNormal(Tensor t, double mean, double std, double low, double high, Generator gen) {
        if (!(low < high) || !(mean + 6 * std > low && mean - 6 * std < high)) {
            throw new IllegalArgumentException("truncatedNormal: [" + low + ", " + high + "] holds almost no mass of"
                    + " N(" + mean + ", " + std + "²)");
        }
        int n = t.numel();
        double[] out = new double[n];
        int filled = 0;
        while (filled < n) {
            double[] draws = gen.normal(mean, std, Math.max(n - filled, 64)).toDoubleArray();
            for (int i = 0; i < draws.length && filled < n; i++) {
                if (draws[i] >= low && draws[i] <= high) {
                    out[filled++] = draws[i];
                }
            }
        }
        return write(t, Tensor.of(out, t.shape()));
    }

    /** Kaiming (He) uniform: U(−b, b), b = gain·√(3 / fan). PyTorch's default is (0, IN, LEAKY_RELU). */
    public static Tensor kaimingUniform(Tensor t, double negativeSlope, Fan fan, Nonlinearity nonlinearity,
                                       Generator gen) {
        double bound = Math.sqrt(3.0) * kaimingStd(t, negativeSlope, fan, nonlinearity);
        return uniform(t, -bound, bound, gen);
    }

    /** Kaiming uniform for a ReLU layer, preserving the forward variance (fan in). */
    public static Tensor kaimingUniform(Tensor t, Generator gen) {
        return kaimingUniform(t, 0, Fan.IN, Nonlinearity.RELU, gen);
    }

    /** Kaiming (He) normal: N(0, std²), std = gain / √fan. */
    public static Tensor kaimingNormal(Tensor t, double negativeSlope, Fan fan, Nonlinearity nonlinearity,
                                      Generator gen) {
        return normal(t, 0, kaimingStd(t, negativeSlope, fan, nonlinearity), gen);
    }

    public static Tensor kaimingNormal(Tensor t, Generator gen) {
        return kaimingNormal(t, 0, Fan.IN, Nonlinearity.RELU, gen);
    }

    private static double kaimingStd(Tensor t, double negativeSlope, Fan fan, Nonlinearity nonlinearity) {
        int[] f = fans(t);
        return gain(nonlinearity, negativeSlope) / Math.sqrt(fan == Fan.IN ? f[0] : f[1]);
    }

    /** Xavier (Glorot) uniform: U(−b, b), b = gain·√(6 / (fanIn + fanOut)). */
    public static Tensor xavierUniform(Tensor t, double gain, Generator gen) {
        int[] f = fans(t);
        double bound = gain * Math.sqrt(6.0 / (f[0] + f[1]));
        return uniform(t, -bound, bound, gen);
    }

    public static Tensor xavierUniform(Tensor t, Generator gen) {
        return xavierUniform(t, 1, gen);
    }

    /** Xavier (Glorot) normal: N(0, std²), std = gain·√(2 / (fanIn + fanOut)). */
    public static Tensor xavierNormal(Tensor t, double gain, Generator gen) {
        int[] f = fans(t);
        return normal(t, 0, gain * Math.sqrt(2.0 / (f[0] + f[1])), gen);
    }

    public static Tensor xavierNormal(Tensor t, Generator gen) {
        return xavierNormal(t, 1, gen);
    }

    /**
     * A (semi-)orthogonal matrix times gain (Saxe et al. 2014), as PyTorch: the tensor is viewed as
     * [rows, numel/rows]; a Gaussian matrix is QR-factorised (Householder, in double on the host) and Q's
     * columns are sign-corrected by diag(R) so the result is uniform over the orthogonal group.
     */
    public static Tensor orthogonal(Tensor t, double gain, Generator gen) {
        if (t.rank() < 2) {
            throw new IllegalArgumentException("orthogonal needs a tensor of at least 2 dimensions, got shape "
                    + Shapes.format(t.shape()));
        }
        int rows = t.size(0);
        int cols = t.numel() / rows;
        double[] flat = gen.normal(0, 1, rows, cols).toDoubleArray();
        boolean wide = rows < cols;
        int m = wide ? cols : rows;
        int n = wide ? rows : cols;
        double[][] a = new double[m][n];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                if (wide) {
                    a[j][i] = flat[i * cols + j];
                } else {
                    a[i][j] = flat[i * cols + j];
                }
            }
        }
        double[][] q = householderQ(a, m, n);
        double[] out = new double[rows * cols];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                out[i * cols + j] = gain * (wide ? q[j][i] : q[i][j]);
            }
        }
        return write(t, Tensor.of(out, t.shape()));
    }

    public static Tensor orthogonal(Tensor t, Generator gen) {
        return orthogonal(t, 1, gen);
    }

    /** The m×n factor Q of a = QR (m ≥ n), with columns scaled so that diag(R) > 0. Overwrites a. */
    private static double[][] householderQ(double[][] a, int m, int n) {
        double[][] vs = new double[n][];
        double[] rDiag = new double[n];
        for (int k = 0; k < n; k++) {
            double norm = 0;
            for (int i = k; i < m; i++) {
                norm += a[i][k] * a[i][k];
            }
            norm = Math.sqrt(norm);
            double alpha = a[k][k] > 0 ? -norm : norm;
            double[] v = new double[m];
            for (int i = k; i < m; i++) {
                v[i] = a[i][k];
            }
            v[k] -= alpha;
            double vv = 0;
            for (int i = k; i < m; i++) {
                vv += v[i] * v[i];
            }
            if (vv > 0) {
                for (int j = k; j < n; j++) {
                    double dot = 0;
                    for (int i = k; i < m; i++) {
                        dot += v[i] * a[i][j];
                    }
                    double f = 2 * dot / vv;
                    for (int i = k; i < m; i++) {
                        a[i][j] -= f * v[i];
                    }
                }
            }
            vs[k] = v;
            rDiag[k] = a[k][k];
        }
        // Q = H_0 H_1 … H_{n−1} applied to the first n columns of the identity
        double[][] q = new double[m][n];
        for (int j = 0; j < n; j++) {
            q[j][j] = 1;
        }
        for (int k = n - 1; k >= 0; k--) {
            double[] v = vs[k];
            double vv = 0;
            for (int i = k; i < m; i++) {
                vv += v[i] * v[i];
            }
            if (vv == 0) {
                continue;
            }
            for (int j = 0; j < n; j++) {
                double dot = 0;
                for (int i = k; i < m; i++) {
                    dot += v[i] * q[i][j];
                }
                double f = 2 * dot / vv;
                for (int i = k; i < m; i++) {
                    q[i][j] -= f * v[i];
                }
            }
        }
        for (int j = 0; j < n; j++) {
            if (rDiag[j] < 0) {
                for (int i = 0; i < m; i++) {
                    q[i][j] = -q[i][j];
                }
            }
        }
        return q;
    }
}
