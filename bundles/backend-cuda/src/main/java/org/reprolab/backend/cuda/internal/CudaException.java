package org.reprolab.backend.cuda.internal;

/**
 * A failed CUDA driver, NVRTC or cuBLAS call: the message names the call and the error, e.g.
 * "cuMemAlloc_v2: CUDA_ERROR_OUT_OF_MEMORY (2): out of memory".
 */
public final class CudaException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    /** The driver's CUDA_ERROR_OUT_OF_MEMORY. */
    static final int OUT_OF_MEMORY = 2;

    private final int code;

    CudaException(String call, int code, String name, String detail) {
        super(call + ": " + name + " (" + code + ")" + (detail == null || detail.isEmpty() ? "" : ": " + detail));
        this.code = code;
    }

    /** The library's error code. */
    public int code() {
        return code;
    }
}
