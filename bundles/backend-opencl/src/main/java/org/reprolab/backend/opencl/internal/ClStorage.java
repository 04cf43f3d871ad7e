package org.reprolab.backend.opencl.internal;

import java.lang.foreign.MemorySegment;
import org.reprolab.tensor.backend.DType;
import org.reprolab.tensor.backend.Device;
import org.reprolab.tensor.backend.Storage;

/**
 * A device buffer holding {@code size} elements of one dtype (INT32 and BOOL as 32-bit ints). The buffer comes
 * from its backend's {@link BufferPool} and returns there when this storage becomes unreachable.
 */
final class ClStorage implements Storage {
    final OpenClBackend owner;
    final MemorySegment mem;
    private final DType dtype;
    private final int size;

    ClStorage(OpenClBackend owner, MemorySegment mem, DType dtype, int size) {
        this.owner = owner;
        this.mem = mem;
        this.dtype = dtype;
        this.size = size;
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
        return "ClStorage[" + dtype + " × " + size + " on " + owner.device() + "]";
    }
}
