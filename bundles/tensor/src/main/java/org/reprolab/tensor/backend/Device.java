package org.reprolab.tensor.backend;

/**
 * Where a tensor's storage lives: a backend kind ({@code jvm}, {@code opencl}, {@code cuda}) and an index.
 * Tensors on different devices never mix in one op; {@code Tensor.to(device)} copies explicitly.
 */
public record Device(String kind, int index) {
    /** The JVM backend: the reference and the default. */
    public static final Device JVM = new Device("jvm", 0);

    public Device {
        if (kind == null || kind.isBlank()) {
            throw new IllegalArgumentException("device kind is empty");
        }
        if (index < 0) {
            throw new IllegalArgumentException("device index " + index + " < 0");
        }
    }

    /** Parses {@code jvm}, {@code cuda:1}, {@code opencl:0}. */
    public static Device parse(String text) {
        int colon = text.indexOf(':');
        if (colon < 0) {
            return new Device(text.trim(), 0);
        }
        try {
            return new Device(text.substring(0, colon).trim(), Integer.parseInt(text.substring(colon + 1).trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad device '" + text + "': expected kind[:index], e.g. cuda:0", e);
        }
    }

    @Override
    public String toString() {
        return index == 0 ? kind : kind + ":" + index;
    }
}
