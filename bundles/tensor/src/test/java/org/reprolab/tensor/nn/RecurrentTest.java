package org.reprolab.tensor.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.reprolab.tensor.GradCheck;
import org.reprolab.tensor.Generator;
import org.reprolab.tensor.Tensor;

class RecurrentTest {
    private final Generator gen = new Generator(31);

    private Tensor r(int... shape) {
        return gen.normal(0, 1, shape);
    }

    private static double sigmoid(double v) {
        return 1 / (1 + Math.exp(-v));
    }

    /** Row g·hidden + j of W (a [rows, cols] float array) dotted with v, plus the two biases. */
    private static double pre(float[] w, int row, float[] v, float[] b) {
        double s = b[row];
        for (int c = 0; c < v.length; c++) {
            s += w[row * v.length + c] * v[c];
        }
        return s;
    }

    @Test
    void gruCellMatchesTheOneStepFormula() {
        int in = 3;
        int hid = 2;
        GRUCell cell = new GRUCell(in, hid, gen);
        var p = cell.namedParameters();
        assertEquals(List.of("weight_ih", "weight_hh", "bias_ih", "bias_hh"), List.copyOf(p.keySet()));
        double k = 1 / Math.sqrt(hid);
        p.values().forEach(t -> assertTrue(t.abs().max().item() <= k));
        Tensor x = r(1, in);
        Tensor h = r(1, hid);
        float[] wi = p.get("weight_ih").toFloatArray();
        float[] wh = p.get("weight_hh").toFloatArray();
        float[] bi = p.get("bias_ih").toFloatArray();
        float[] bh = p.get("bias_hh").toFloatArray();
        float[] xv = x.toFloatArray();
        float[] hv = h.toFloatArray();
        float[] expected = new float[hid];
        for (int j = 0; j < hid; j++) {
            double rg = sigmoid(pre(wi, j, xv, bi) + pre(wh, j, hv, bh));
            double z = sigmoid(pre(wi, hid + j, xv, bi) + pre(wh, hid + j, hv, bh));
            double n = Math.tanh(pre(wi, 2 * hid + j, xv, bi) + rg * pre(wh, 2 * hid + j, hv, bh));
            expected[j] = (float) ((1 - z) * n + z * hv[j]);
        }
        assertArrayEquals(expected, cell.forward(x, h).toFloatArray(), 1e-5f);
        assertArrayEquals(cell.forward(x, Tensor.zeros(1, hid)).toFloatArray(), cell.forward(x).toFloatArray());
        var e = assertThrows(IllegalArgumentException.class, () -> cell.forward(r(4, in), r(3, hid)));
        assertTrue(e.getMessage().contains("[4, 3]") && e.getMessage().contains("[3, 2]"), e.getMessage());
    }

    @Test
    void lstmCellMatchesTheOneStepFormula() {
        int in = 2;
        int hid = 3;
        LSTMCell cell = new LSTMCell(in, hid, gen);
        var p = cell.namedParameters();
        assertEquals(4 * hid, p.get("weight_ih").size(0));
        Tensor x = r(1, in);
        LSTMCell.State s = new LSTMCell.State(r(1, hid), r(1, hid));
        float[] wi = p.get("weight_ih").toFloatArray();
        float[] wh = p.get("weight_hh").toFloatArray();
        float[] bi = p.get("bias_ih").toFloatArray();
        float[] bh = p.get("bias_hh").toFloatArray();
        float[] xv = x.toFloatArray();
        float[] hv = s.h().toFloatArray();
        float[] cv = s.c().toFloatArray();
        float[] hExp = new float[hid];
        float[] cExp = new float[hid];
        for (int j = 0; j < hid; j++) {
            double i = sigmoid(pre(wi, j, xv, bi) + pre(wh, j, hv, bh));
            double f = sigmoid(pre(wi, hid + j, xv, bi) + pre(wh, hid + j, hv, bh));
            double g = Math.tanh(pre(wi, 2 * hid + j, xv, bi) + pre(wh, 2 * hid + j, hv, bh));
            double o = sigmoid(pre(wi, 3 * hid + j, xv, bi) + pre(wh, 3 * hid + j, hv, bh));
            cExp[j] = (float) (f * cv[j] + i * g);
            hExp[j] = (float) (o * Math.tanh(cExp[j]));
        }
        LSTMCell.State next = cell.forward(x, s);
        assertArrayEquals(hExp, next.h().toFloatArray(), 1e-5f);
        assertArrayEquals(cExp, next.c().toFloatArray(), 1e-5f);
        assertArrayEquals(new int[] {hid}, cell.forward(x.reshape(in)).shape());
        assertThrows(IllegalArgumentException.class, () -> cell.forward(r(2, in + 1)));
    }

    @Test
    void cellsHaveGradientsForInputsStatesAndParameters() {
        GradCheck.check("gruCell", x -> Functional.gruCell(x[0], x[1], x[2], x[3], x[4], x[5]), r(2, 3), r(2, 2),
                r(6, 3), r(6, 2), r(6), r(6));
        GradCheck.check("lstmCell h", x -> Functional.lstmCell(x[0], x[1], x[2], x[3], x[4], x[5], x[6])[0],
                r(2, 3), r(2, 2), r(2, 2), r(8, 3), r(8, 2), r(8), r(8));
        GradCheck.check("lstmCell c", x -> Functional.lstmCell(x[0], x[1], x[2], x[3], x[4], null, null)[1],
                r(2, 3), r(2, 2), r(2, 2), r(8, 3), r(8, 2));
    }
}
