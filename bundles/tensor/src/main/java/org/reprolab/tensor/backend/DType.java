package org.reprolab.tensor.backend;

/** The element types a tensor can hold. Masks are {@link #BOOL} (0/1), indices {@link #INT32}. */
public enum DType {
    FLOAT32(4), FLOAT64(8), INT32(4), BOOL(4);

    private final int bytes;

    DType(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per element in the serialized layout. */
    public int bytes() {
        return bytes;
    }

    public boolean isFloating() {
        return this == FLOAT32 || this == FLOAT64;
    }
}
