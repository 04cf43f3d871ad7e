package org.reprolab.backend.cuda.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Finds NVRTC and cuBLAS, which (unlike {@code libcuda.so.1}) the driver does not install: a CUDA toolkit or the
 * {@code nvidia-*} Python wheels that PyTorch brings carry them. Looks, in order, in the folders of
 * {@code $REPROLAB_CUDA_LIBS} (a path list), the dynamic loader's own search (by soname), {@code $CUDA_HOME} /
 * {@code $CUDA_PATH}, {@code /usr/local/cuda*}, and the Python site-packages folders under {@code /usr},
 * {@code /opt}, {@code ~/.local} and active virtual environments ({@code nvidia/cu13/lib}, {@code nvidia/cublas/lib},
 * …); the newest major version found wins. Nothing is hard-coded to one machine.
 */
final class CudaLibraries {
    /** Majors tried by soname, newest first. */
    private static final int[] MAJORS = {13, 12, 11};

    private CudaLibraries() {
    }

    /** The path or soname of {@code lib} ("nvrtc", "cublas", "cublasLt"), or empty when none is found. */
    static Optional<String> find(String lib) {
        return find(lib, explicitFolders());
    }

    /** As {@link #find(String)}, with {@code explicit} in place of $REPROLAB_CUDA_LIBS. */
    static Optional<String> find(String lib, List<Path> explicit) {
        for (Path dir : explicit) {
            Optional<Path> hit = newestIn(dir, lib);
            if (hit.isPresent()) {
                return Optional.of(hit.get().toString());
            }
        }
        for (int major : MAJORS) {
            String soname = "lib" + lib + ".so." + major;
            if (loadable(soname)) {
                return Optional.of(soname);
            }
        }
        return searchedFolders().stream().map(dir -> newestIn(dir, lib)).flatMap(Optional::stream)
                .max(Comparator.comparingInt(CudaLibraries::major)).map(Path::toString);
    }

    /** Folders the user named: $REPROLAB_CUDA_LIBS. */
    private static List<Path> explicitFolders() {
        String env = System.getenv("REPROLAB_CUDA_LIBS");
        List<Path> out = new ArrayList<>();
        if (env != null) {
            for (String p : env.split(java.io.File.pathSeparator)) {
                if (!p.isBlank()) {
                    out.add(Path.of(p.trim()));
                }
            }
        }
        return out;
    }

    private static boolean loadable(String soname) {
        try {
            java.lang.foreign.SymbolLookup.libraryLookup(soname, java.lang.foreign.Arena.global());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Toolkit folders and Python package folders that may hold the libraries. */
    private static Set<Path> searchedFolders() {
        Set<Path> dirs = new LinkedHashSet<>();
        for (String env : new String[] {"CUDA_HOME", "CUDA_PATH"}) {
            String v = System.getenv(env);
            if (v != null && !v.isBlank()) {
                dirs.add(Path.of(v, "lib64"));
                dirs.add(Path.of(v, "lib"));
            }
        }
        children(Path.of("/usr/local"), "cuda.*").forEach(c -> dirs.add(c.resolve("lib64")));
        List<Path> pythonRoots = new ArrayList<>(List.of(Path.of("/usr/lib"), Path.of("/usr/local/lib"),
                Path.of(System.getProperty("user.home"), ".local", "lib")));
        children(Path.of("/opt"), ".*").forEach(o -> {
            pythonRoots.add(o.resolve("lib"));
            children(o.resolve("envs"), ".*").forEach(e -> pythonRoots.add(e.resolve("lib")));
        });
        String venv = System.getenv("VIRTUAL_ENV");
        if (venv != null) {
            pythonRoots.add(Path.of(venv, "lib"));
        }
        String conda = System.getenv("CONDA_PREFIX");
        if (conda != null) {
            pythonRoots.add(Path.of(conda, "lib"));
        }
        for (Path root : pythonRoots) {
            for (Path python : children(root, "python3.*")) {
                for (String packages : new String[] {"site-packages", "dist-packages"}) {
                    Path nvidia = python.resolve(packages).resolve("nvidia");
                    for (Path pkg : children(nvidia, ".*")) {
                        dirs.add(pkg.resolve("lib"));
                    }
                }
            }
        }
        return dirs;
    }

    private static List<Path> children(Path dir, String regex) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        Pattern p = Pattern.compile(regex);
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).filter(c -> p.matcher(c.getFileName().toString()).matches()).sorted().toList();
        } catch (IOException | SecurityException e) {
            return List.of();
        }
    }

    /** The newest {@code lib<lib>.so.<major>} in {@code dir}. */
    private static Optional<Path> newestIn(Path dir, String lib) {
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        Pattern name = Pattern.compile("lib" + Pattern.quote(lib) + "\\.so\\.(\\d+)");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(f -> name.matcher(f.getFileName().toString()).matches())
                    .max(Comparator.comparingInt(CudaLibraries::major));
        } catch (IOException | SecurityException e) {
            return Optional.empty();
        }
    }

    private static int major(Path file) {
        String n = file.getFileName().toString();
        try {
            return Integer.parseInt(n.substring(n.lastIndexOf('.') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
