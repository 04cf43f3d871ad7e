package org.reprolab.backend.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.reprolab.backend.cuda.CudaProvider;

/** The providers' kinds, and what a machine without CUDA gets: a reason, no capabilities, a clear refusal. */
class CudaProviderTest {

    @Test
    void threeKindsOneRuntime() {
        List<CudaProvider> providers = List.of(new CudaProvider.Fp32(), new CudaProvider.Tf32(), new CudaProvider.Bf16());
        assertEquals(List.of("cuda", "cuda-tf32", "cuda-bf16"), providers.stream().map(CudaProvider::kind).toList());
        boolean available = providers.getFirst().available();
        providers.forEach(p -> assertEquals(available, p.available(), p.kind()));
    }

    @Test
    void withoutAGpuItSaysWhyAndRefusesToOpen() {
        CudaProvider provider = new CudaProvider.Fp32();
        Assumptions.assumeFalse(provider.available(), "this machine has a CUDA GPU");
        String why = provider.unavailableReason();
        assertNotNull(why);
        assertTrue(why.startsWith("CUDA"), why);
        assertTrue(provider.capabilities().isEmpty());
        assertTrue(provider.deviceDescriptions().isEmpty());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> provider.open(0));
        assertEquals(why, e.getMessage());
    }

    @Test
    void withAGpuItDescribesItAndRefusesAMissingDevice() {
        CudaProvider provider = new CudaProvider.Tf32();
        Assumptions.assumeTrue(provider.available(), "no CUDA GPU here");
        try (provider) {
            assertEquals("tf32 tensor cores", provider.capabilities().get("gemm"));
            assertFalse(provider.deviceDescriptions().isEmpty());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> provider.open(99));
            assertTrue(e.getMessage().startsWith("no CUDA device 99"), e.getMessage());
            assertTrue(provider.open(0).description().contains("GEMM tf32"));
        }
    }
}
