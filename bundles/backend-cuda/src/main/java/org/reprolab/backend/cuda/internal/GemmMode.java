package org.reprolab.backend.cuda.internal;

/**
 * How cuBLAS multiplies FLOAT32 matrices: {@link #FP32} is exact single precision (the default, the JVM backend's
 * arithmetic up to summation order); {@link #TF32} and {@link #BF16} let tensor cores round the inputs to 10 or 7
 * mantissa bits, several times faster with errors of about 1e-3 and 1e-2. FLOAT64 products are always FP64.
 */
public enum GemmMode {
    FP32("cuda", Cublas.COMPUTE_32F, "fp32 (exact)"),
    TF32("cuda-tf32", Cublas.COMPUTE_32F_FAST_TF32, "tf32 tensor cores"),
    BF16("cuda-bf16", Cublas.COMPUTE_32F_FAST_16BF, "bf16 tensor cores");

    private final String kind;
    private final int computeType;
    private final String label;

    GemmMode(String kind, int computeType, String label) {
        this.kind = kind;
        this.computeType = computeType;
        this.label = label;
    }

    /** The backend kind a run selects this mode by ({@code --backend cuda-tf32}). */
    public String kind() {
        return kind;
    }

    int computeType() {
        return computeType;
    }

    public String label() {
        return label;
    }
}
