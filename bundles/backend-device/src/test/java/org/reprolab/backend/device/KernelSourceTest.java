package org.reprolab.backend.device;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.tensor.backend.DType;

/**
 * The two dialects of the one kernel source: the same kernels in both, OpenCL-only syntax only in the OpenCL one,
 * and the CUDA dialect parsed by the host C++ compiler (g++, when installed) against a stub of CUDA's built-ins —
 * a check of the dialect mapping that needs no GPU (NVRTC compiles it for real on one: platform/gpu-check.sh).
 */
class KernelSourceTest {
    private static final Pattern KERNEL = Pattern.compile("__kernel(?:\\s+REQD_WORK_GROUP\\([^)]*\\))?\\s+void\\s+(\\w+)");

    private static List<String> sources(KernelSource source) {
        List<String> out = new ArrayList<>();
        for (DType t : DType.values()) {
            out.add(source.elem(t, true));
        }
        out.add(source.floating(DType.FLOAT32, true));
        out.add(source.floating(DType.FLOAT64, true));
        return out;
    }

    private static List<String> kernels(String source) {
        List<String> names = new ArrayList<>();
        Matcher m = KERNEL.matcher(source);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    @Test
    void bothDialectsHaveTheSameKernels() {
        List<String> cl = sources(KernelSource.OPENCL);
        List<String> cuda = sources(KernelSource.CUDA);
        for (int i = 0; i < cl.size(); i++) {
            assertFalse(kernels(cl.get(i)).isEmpty());
            assertEquals(kernels(cl.get(i)), kernels(cuda.get(i)));
            assertTrue(cl.get(i).contains("#pragma OPENCL FP_CONTRACT OFF"));
            assertFalse(cuda.get(i).contains("#pragma OPENCL"), "no OpenCL pragma reaches NVRTC");
        }
    }

    @Test
    void theCudaDialectParsesAsCpp(@TempDir Path dir) throws IOException, InterruptedException {
        Assumptions.assumeTrue(onPath("g++"), "no g++ on this machine");
        String stub;
        try (InputStream in = KernelSourceTest.class.getResourceAsStream("cuda-host-stub.h")) {
            stub = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        List<String> cuda = sources(KernelSource.CUDA);
        for (int i = 0; i < cuda.size(); i++) {
            Path file = dir.resolve("program" + i + ".cpp");
            Files.writeString(file, stub + cuda.get(i));
            Process p = new ProcessBuilder("g++", "-std=c++17", "-fsyntax-only", "-Wno-attributes", file.toString())
                    .redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "g++ took over a minute");
            assertEquals(0, p.exitValue(), "program " + i + " does not parse:\n" + out);
        }
    }

    private static boolean onPath(String tool) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String dir : path.split(java.io.File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }
}
