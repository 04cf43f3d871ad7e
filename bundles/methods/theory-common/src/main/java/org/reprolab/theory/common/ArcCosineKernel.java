package org.reprolab.theory.common;

import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The arc-cosine kernel of order 1 (Cho and Saul 2009), the infinite-width limit of ReLU random features
 * max(0, Gx)/√N with G ~ N(0, I): k(x, x') = ‖x‖‖x'‖ (sin θ + (π − θ) cos θ)/(2π), θ the angle between
 * x and x'. On unit-norm inputs this is (sin θ + (π − θ) cos θ)/(2π) with cos θ = xᵀx'.
 */
public final class ArcCosineKernel {

    private ArcCosineKernel() {
    }

    /** The kernel of two unit vectors whose inner product is {@code cosine}. */
    public static double ofCosine(double cosine) {
        double c = Math.max(-1, Math.min(1, cosine));
        double theta = Math.acos(c);
        return (Math.sqrt(Math.max(0, 1 - c * c)) + (Math.PI - theta) * c) / (2 * Math.PI);
    }

    /** The train Gram matrix and the test × train block for inputs {@code [sample][dim]}. */
    public static KernelPair kernels(double[][] train, double[][] test) {
        DMatrixRMaj x = Dense.matrix(train);
        DMatrixRMaj xT = CommonOps_DDRM.transpose(x, null);
        double[] trainNorms = norms(train);
        DMatrixRMaj dots = new DMatrixRMaj(train.length, train.length);
        CommonOps_DDRM.mult(x, xT, dots);
        double[][] gram = apply(dots, trainNorms, trainNorms);
        for (int i = 0; i < gram.length; i++) {
            for (int j = i + 1; j < gram.length; j++) {
                gram[j][i] = gram[i][j];
            }
        }
        DMatrixRMaj testDots = new DMatrixRMaj(test.length, train.length);
        CommonOps_DDRM.mult(Dense.matrix(test), xT, testDots);
        return new KernelPair(gram, apply(testDots, norms(test), trainNorms));
    }

    private static double[][] apply(DMatrixRMaj dots, double[] rowNorms, double[] colNorms) {
        double[][] out = new double[dots.numRows][dots.numCols];
        for (int i = 0; i < dots.numRows; i++) {
            for (int j = 0; j < dots.numCols; j++) {
                double scale = rowNorms[i] * colNorms[j];
                out[i][j] = scale == 0 ? 0 : scale * ofCosine(dots.data[i * dots.numCols + j] / scale);
            }
        }
        return out;
    }

    private static double[] norms(double[][] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (double v : x[i]) {
                s += v * v;
            }
            out[i] = Math.sqrt(s);
        }
        return out;
    }
}
