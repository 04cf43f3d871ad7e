package org.reprolab.tensor.jvm;

import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.backend.Device;
import org.reprolab.tensor.backend.Storage;

/** Heap arrays: float[] for FLOAT32, double[] for FLOAT64, int[] for INT32 and BOOL. */
final class JvmStorage implements Storage {
    final DType dtype;
    final float[] f;
    final double[] d;
    final int[] i;

    JvmStorage(DType dtype, int size) {
        this.dtype = dtype;
        this.f = dtype == DType.FLOAT32 ? new float[size] : null;
        this.d = dtype == DType.FLOAT64 ? new double[size] : null;
        this.i = dtype == DType.INT32 || dtype == DType.BOOL ? new int[size] : null;
    }

    double get(int k) {
        return switch (dtype) {
            case FLOAT32 -> f[k];
            case FLOAT64 -> d[k];
            case INT32, BOOL -> i[k];
        };
    }

    void set(int k, double v) {
        switch (dtype) {
            case FLOAT32 -> f[k] = (float) v;
            case FLOAT64 -> d[k] = v;
            case INT32 -> i[k] = (int) v;
            case BOOL -> i[k] = v != 0 ? 1 : 0;
        }
    }

    @Override
    public Device device() {
        return Device.JVM;
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public int size() {
        return switch (dtype) {
            case FLOAT32 -> f.length;
            case FLOAT64 -> d.length;
            case INT32, BOOL -> i.length;
        };
    }
}
