package org.reprolab.platform;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/** Bundles made by the tests: a real bundle with some manifest headers changed, or a manifest-only bundle. */
final class TestJars {

    private TestJars() {
    }

    /** The distribution's jar at {@code path} (relative to it) with the given headers set, e.g. a new Bundle-Version. */
    static byte[] withHeaders(String path, Map<String, String> headers) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (JarInputStream in = new JarInputStream(Files.newInputStream(Distribution.HOME.resolve(path)))) {
            Manifest manifest = in.getManifest();
            headers.forEach((k, v) -> manifest.getMainAttributes().putValue(k, v));
            try (JarOutputStream out = new JarOutputStream(bytes, manifest)) {
                for (JarEntry e = in.getNextJarEntry(); e != null; e = in.getNextJarEntry()) {
                    out.putNextEntry(new JarEntry(e.getName()));
                    in.transferTo(out);
                    out.closeEntry();
                }
            }
        }
        return bytes.toByteArray();
    }

    /** A bundle with nothing but a manifest holding these headers. */
    static void manifestOnly(Path jar, Map<String, String> headers) throws IOException {
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.putValue("Bundle-ManifestVersion", "2");
        headers.forEach(main::putValue);
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out, manifest)) {
            jarOut.flush();
        }
    }

    /** The symbolic name a distribution jar declares. */
    static String symbolicName(String path) throws IOException {
        try (JarFile jar = new JarFile(Distribution.HOME.resolve(path).toFile())) {
            return jar.getManifest().getMainAttributes().getValue("Bundle-SymbolicName").split(";")[0];
        }
    }
}
