package org.reprolab.backend.device;

import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.backend.Device;
import org.reprolab.tensor.backend.Storage;

/**
 * A device buffer holding {@code size} elements of one dtype (INT32 and BOOL as 32-bit ints). The buffer comes
 * from its backend's {@link BufferPool} and returns there when this storage becomes unreachable.
 */
public final class DeviceStorage implements Storage {
    final DeviceBackend owner;
    final long handle;
    private final DType dtype;
    private final int size;

    DeviceStorage(DeviceBackend owner, long handle, DType dtype, int size) {
        this.owner = owner;
        this.handle = handle;
        this.dtype = dtype;
        this.size = size;
    }

    /** The runtime's handle of the buffer: an OpenCL {@code cl_mem} address or a CUDA device pointer. */
    public long handle() {
        return handle;
    }

    @Override
    public Device device() {
        return owner.device();
    }

    @Override
    public DType dtype() {
        return dtype;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public String toString() {
        return "DeviceStorage[" + dtype + " × " + size + " on " + owner.device() + "]";
    }
}
