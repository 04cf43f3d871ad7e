package org.reprolab.backend.cuda.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Library lookup in a named folder: the newest major wins, and cuBLASLt is not cuBLAS. */
class CudaLibrariesTest {

    @Test
    void theNewestMajorInANamedFolderWins(@TempDir Path dir) throws IOException {
        for (String f : List.of("libnvrtc.so.12", "libnvrtc.so.13", "libnvrtc.so", "libnvrtc-builtins.so.13.0",
                "libcublasLt.so.13", "libcublas.so.12")) {
            Files.createFile(dir.resolve(f));
        }
        assertEquals(Optional.of(dir.resolve("libnvrtc.so.13").toString()), CudaLibraries.find("nvrtc", List.of(dir)));
        assertEquals(Optional.of(dir.resolve("libcublas.so.12").toString()), CudaLibraries.find("cublas", List.of(dir)));
        assertEquals(Optional.of(dir.resolve("libcublasLt.so.13").toString()),
                CudaLibraries.find("cublasLt", List.of(dir)));
    }

    @Test
    void aNamedFolderComesFirst(@TempDir Path first, @TempDir Path second) throws IOException {
        Files.createFile(first.resolve("libnvrtc.so.11"));
        Files.createFile(second.resolve("libnvrtc.so.13"));
        assertEquals(Optional.of(first.resolve("libnvrtc.so.11").toString()),
                CudaLibraries.find("nvrtc", List.of(first, second)));
    }
}
