package org.reprolab.backend.device;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Device buffers in size buckets, reused after their storage is collected. The Backend SPI has no explicit
 * release, so each storage is watched by a phantom reference; its buffer returns to the pool when the
 * reference is enqueued. Reuse is safe without waiting for the device because all work goes through one
 * in-order queue: a kernel enqueued later runs after every kernel that used the buffer before.
 *
 * <p>The Java heap does not feel device memory, so when live and pooled buffers would exceed the budget, the
 * pool first frees its idle buffers, then asks the JVM for a collection and takes back what it releases.
 */
public final class BufferPool {
    /** A runtime's device allocations, by handle (an OpenCL {@code cl_mem} address, a CUDA device pointer). */
    public interface Allocator {
        /** A new buffer of {@code bytes} bytes; throws (naming the call) when the device has no room. */
        long allocate(long bytes);

        void free(long handle);
    }

    private static final long MIN_BYTES = 256;

    private final Allocator allocator;
    private final long budget;
    private final ReferenceQueue<DeviceStorage> released = new ReferenceQueue<>();
    private final Set<Lease> leases = ConcurrentHashMap.newKeySet();
    private final Map<Long, ArrayDeque<Long>> idle = new HashMap<>();
    private long liveBytes;
    private long idleBytes;
    private boolean closed;

    /** A buffer lent to a storage, remembered until the storage is unreachable. */
    private static final class Lease extends PhantomReference<DeviceStorage> {
        final long mem;
        final long bytes;

        Lease(DeviceStorage storage, ReferenceQueue<DeviceStorage> queue, long mem, long bytes) {
            super(storage, queue);
            this.mem = mem;
            this.bytes = bytes;
        }
    }

    /** A pool allocating through {@code allocator}, keeping live and idle buffers under {@code budget} bytes. */
    public BufferPool(Allocator allocator, long budget) {
        this.allocator = allocator;
        this.budget = budget;
    }

    /** The bucket a request of {@code bytes} falls in: powers of two up to 1 MiB, then eighths of one. */
    static long bucket(long bytes) {
        long b = Math.max(MIN_BYTES, bytes);
        long pow = Long.highestOneBit(b);
        if (pow == b) {
            return b;
        }
        if (b <= (1 << 20)) {
            return pow << 1;
        }
        long step = pow >> 3;
        return (b + step - 1) / step * step;
    }

    /**
     * A storage made by {@code make} around a buffer of at least {@code bytes} bytes (contents undefined); the
     * buffer returns to the pool when the storage is unreachable.
     */
    synchronized DeviceStorage acquire(long bytes, Function<Long, DeviceStorage> make) {
        if (closed) {
            throw new IllegalStateException("the device backend is closed");
        }
        reclaim();
        long size = bucket(bytes);
        Long mem = take(size);
        if (mem == null) {
            if (liveBytes + idleBytes + size > budget) {
                freeIdle();
            }
            if (liveBytes + size > budget) {
                collect(size);
                mem = take(size);
            }
            if (mem == null) {
                mem = allocateOrCollect(size);
            }
        }
        liveBytes += size;
        DeviceStorage storage = make.apply(mem);
        leases.add(new Lease(storage, released, mem, size));
        return storage;
    }

    /**
     * A fresh buffer; when the device refuses (its memory also holds what the runtime and libraries took, and
     * storages the JVM has not collected yet), frees the idle buffers, collects, and tries once more.
     */
    private long allocateOrCollect(long size) {
        try {
            return allocator.allocate(size);
        } catch (RuntimeException first) {
            freeIdle();
            collect(Long.MAX_VALUE / 4);
            Long mem = take(size);
            if (mem != null) {
                return mem;
            }
            freeIdle();
            try {
                return allocator.allocate(size);
            } catch (RuntimeException second) {
                second.addSuppressed(first);
                throw new IllegalStateException("device memory exhausted: " + size + " bytes requested, " + liveBytes
                        + " bytes held by live storages: " + second.getMessage(), second);
            }
        }
    }

    private Long take(long size) {
        ArrayDeque<Long> free = idle.get(size);
        Long mem = free == null ? null : free.poll();
        if (mem != null) {
            idleBytes -= size;
        }
        return mem;
    }

    /** Moves the buffers of collected storages to their buckets. */
    private void reclaim() {
        for (Reference<? extends DeviceStorage> r; (r = released.poll()) != null; ) {
            giveBack((Lease) r);
        }
    }

    private void giveBack(Lease lease) {
        if (!leases.remove(lease)) {
            return;
        }
        liveBytes -= lease.bytes;
        idleBytes += lease.bytes;
        idle.computeIfAbsent(lease.bytes, k -> new ArrayDeque<>()).add(lease.mem);
    }

    private void freeIdle() {
        for (ArrayDeque<Long> free : idle.values()) {
            for (long mem : free) {
                allocator.free(mem);
            }
            free.clear();
        }
        idleBytes = 0;
    }

    /** Over budget: a GC, then up to half a second for the storages it finds unreachable. */
    private void collect(long size) {
        System.gc();
        long deadline = System.nanoTime() + 500_000_000L;
        try {
            while (liveBytes + size > budget && System.nanoTime() < deadline) {
                Reference<? extends DeviceStorage> r = released.remove(20);
                if (r != null) {
                    giveBack((Lease) r);
                } else {
                    System.gc();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (liveBytes + idleBytes + size > budget) {
            freeIdle();
        }
    }

    /** Bytes held by live storages and by the pool. */
    synchronized long[] usage() {
        reclaim();
        return new long[] {liveBytes, idleBytes};
    }

    /** Releases every buffer, lent or idle; storages of this pool may no longer be used. */
    synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        freeIdle();
        for (Lease lease : leases) {
            allocator.free(lease.mem);
        }
        leases.clear();
        liveBytes = 0;
    }
}
