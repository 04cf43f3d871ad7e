package org.reprolab.theory.common;

import org.ejml.data.DMatrixRMaj;

/** Conversions between the API's plain arrays and EJML's row-major matrices (kept inside this bundle). */
final class Dense {

    private Dense() {
    }

    static DMatrixRMaj matrix(double[][] rows) {
        int r = rows.length;
        int c = r == 0 ? 0 : rows[0].length;
        DMatrixRMaj m = new DMatrixRMaj(r, c);
        for (int i = 0; i < r; i++) {
            if (rows[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + rows[i].length + " entries, row 0 has " + c);
            }
            System.arraycopy(rows[i], 0, m.data, i * c, c);
        }
        return m;
    }

    static double[][] rows(DMatrixRMaj m) {
        double[][] out = new double[m.numRows][m.numCols];
        for (int i = 0; i < m.numRows; i++) {
            System.arraycopy(m.data, i * m.numCols, out[i], 0, m.numCols);
        }
        return out;
    }

    static DMatrixRMaj column(double[] values) {
        DMatrixRMaj m = new DMatrixRMaj(values.length, 1);
        System.arraycopy(values, 0, m.data, 0, values.length);
        return m;
    }

    static void requireSquare(double[][] gram) {
        for (double[] row : gram) {
            if (row.length != gram.length) {
                throw new IllegalArgumentException("Gram matrix must be square: " + gram.length + " rows, a row of " + row.length);
            }
        }
    }
}
