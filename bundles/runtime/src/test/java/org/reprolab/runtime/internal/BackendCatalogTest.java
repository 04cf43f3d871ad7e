package org.reprolab.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.reprolab.runtime.BackendInfo;
import org.reprolab.runtime.BadRequestException;
import org.reprolab.tensor.Backends;
import org.reprolab.tensor.backend.Backend;
import org.reprolab.tensor.backend.BackendProvider;

class BackendCatalogTest {

    /** A provider of backends that only know their description and count their opens and closes. */
    static final class FakeProvider implements BackendProvider {
        final String kind;
        final String whyNot;
        final AtomicInteger opened = new AtomicInteger();
        final AtomicInteger closed = new AtomicInteger();

        FakeProvider(String kind, String whyNot) {
            this.kind = kind;
            this.whyNot = whyNot;
        }

        @Override
        public String kind() {
            return kind;
        }

        @Override
        public boolean available() {
            return whyNot == null;
        }

        @Override
        public String unavailableReason() {
            return whyNot == null ? "" : whyNot;
        }

        @Override
        public Map<String, String> capabilities() {
            return Map.of("device", "Fake GPU");
        }

        @Override
        public Backend open(int deviceIndex) {
            opened.incrementAndGet();
            return (Backend) Proxy.newProxyInstance(Backend.class.getClassLoader(), new Class<?>[] {Backend.class},
                    (proxy, method, args) -> switch (method.getName()) {
                        case "description" -> kind + " device " + deviceIndex;
                        case "close" -> {
                            closed.incrementAndGet();
                            yield null;
                        }
                        case "toString" -> kind;
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
        }
    }

    @Test
    void theJvmBackendIsAlwaysThereAndFirst() {
        BackendCatalogImpl catalog = new BackendCatalogImpl();
        List<BackendInfo> all = catalog.backends();
        assertEquals("jvm", all.get(0).kind());
        assertTrue(all.get(0).available());
        try (var lease = catalog.lease("jvm")) {
            assertSame(Backends.jvm(), lease.backend());
        }
    }

    @Test
    void unknownAndUnavailableBackendsAreRefusedWithTheReason() {
        BackendCatalogImpl catalog = new BackendCatalogImpl();
        BadRequestException unknown = assertThrows(BadRequestException.class, () -> catalog.lease("opencl"));
        assertEquals("unknown backend 'opencl'; available: jvm (install the 'opencl' feature: reprolab feature install opencl)",
                unknown.getMessage());
        catalog.addProvider(new FakeProvider("opencl", "no OpenCL device"), Map.of());
        BackendInfo info = catalog.backends().get(1);
        assertFalse(info.available());
        assertEquals("no OpenCL device", info.unavailableReason());
        BadRequestException unavailable = assertThrows(BadRequestException.class, () -> catalog.lease("opencl"));
        assertEquals("backend 'opencl' is not available here: no OpenCL device", unavailable.getMessage());
        assertThrows(BadRequestException.class, () -> catalog.lease("jvm:1"));
        assertThrows(BadRequestException.class, () -> catalog.lease("opencl:x"));
    }

    @Test
    void runsShareAnOpenBackendAndKeepItAfterItsProviderLeaves() {
        BackendCatalogImpl catalog = new BackendCatalogImpl();
        FakeProvider cl = new FakeProvider("opencl", null);
        catalog.addProvider(cl, Map.of());
        assertEquals(Map.of("device", "Fake GPU"), catalog.backends().get(1).capabilities());
        var first = catalog.lease("opencl");
        var second = catalog.lease("opencl");
        assertSame(first.backend(), second.backend());
        assertEquals(1, cl.opened.get());
        assertEquals("opencl device 1", catalog.lease("opencl:1").backend().description());

        catalog.removeProvider(cl);
        assertEquals(List.of("jvm"), catalog.backends().stream().map(BackendInfo::kind).toList());
        assertThrows(BadRequestException.class, () -> catalog.lease("opencl"), "new runs can no longer choose it");
        // device 1's lease was never closed, device 0 has two holders: nothing may be closed under a running run
        assertEquals(0, cl.closed.get());
        first.close();
        first.close();
        assertEquals(0, cl.closed.get(), "a lease closes once; the second run still holds device 0");
        second.close();
        assertEquals(1, cl.closed.get(), "closed when the last run holding it ended");
    }

    @Test
    void anUnusedBackendIsClosedAsSoonAsItsProviderLeaves() {
        BackendCatalogImpl catalog = new BackendCatalogImpl();
        FakeProvider cl = new FakeProvider("opencl", null);
        catalog.addProvider(cl, Map.of());
        catalog.lease("opencl").close();
        assertEquals(0, cl.closed.get(), "kept open for the next run while the provider is there");
        catalog.removeProvider(cl);
        assertEquals(1, cl.closed.get());
    }
}
