package org.reprolab.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download path against a loopback HTTP server: good files, a wrong hash, a 404. No internet needed. */
class FashionMnistDownloadTest {

    private final Map<String, Path> served = new HashMap<>();
    private HttpServer server;
    private URI base;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/fmnist/", exchange -> {
            String name = exchange.getRequestURI().getPath().substring("/fmnist/".length());
            Path file = served.get(name);
            if (file == null) {
                byte[] body = "not here".getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(404, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
                return;
            }
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            }
        });
        server.start();
        base = URI.create("http://" + server.getAddress().getHostString() + ":" + server.getAddress().getPort() + "/fmnist/");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private FashionMnistSource source(Path tmp) throws IOException {
        Path empty = Files.createDirectories(tmp.resolve("nowhere"));
        return new FashionMnistSource(Optional.empty(), empty, tmp.resolve("cache"), base, true);
    }

    @Test
    void goodFilesAreDownloadedVerifiedAndRead(@TempDir Path tmp) throws IOException {
        Path debian = Path.of(FashionMnist.DEBIAN_FOLDER);
        assumeTrue(FashionMnist.isComplete(debian), "serves the Debian package's files (dataset-fashion-mnist)");
        for (String name : FashionMnistSource.SHA256.keySet()) {
            served.put(name, debian.resolve(name));
        }
        FashionMnist data = source(tmp).locate();
        assertEquals(tmp.resolve("cache").resolve("fashion-mnist"), data.folder());
        assertTrue(FashionMnist.isComplete(data.folder()));
        assertEquals(FashionMnistSource.SHA256.keySet().stream().sorted().toList(), listing(data.folder()));
        assertEquals(10, data.load(FashionMnist.Split.TEST, 10).size());
        served.clear();
        assertEquals(data.folder(), source(tmp).locate().folder(), "the cached copy is found without the server");
    }

    @Test
    void wrongHashIsRejectedAndLeavesNothing(@TempDir Path tmp) throws IOException {
        Path fake = tmp.resolve("fake.gz");
        Files.write(fake, new byte[] {31, -117, 8, 0, 1, 2, 3});
        for (String name : FashionMnistSource.SHA256.keySet()) {
            served.put(name, fake);
        }
        DataException e = assertThrows(DataException.class, () -> source(tmp).locate());
        assertTrue(e.getMessage().contains("SHA-256") && e.getMessage().contains(base.toString()), e.getMessage());
        Path cache = tmp.resolve("cache").resolve("fashion-mnist");
        assertEquals(List.of(), listing(cache), "nothing may stay in the cache");
    }

    @Test
    void notFoundGivesAClearMessage(@TempDir Path tmp) throws IOException {
        DataException e = assertThrows(DataException.class, () -> source(tmp).locate());
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        assertTrue(e.getMessage().contains("apt-get install dataset-fashion-mnist"), e.getMessage());
        assertEquals(List.of(), listing(tmp.resolve("cache").resolve("fashion-mnist")));
    }

    @Test
    void downloadsOffSaysWhereItLookedAndHowToGetIt(@TempDir Path tmp) throws IOException {
        FashionMnistSource off = source(tmp).withDownload(base, false).withDataFolder(tmp.resolve("mine"));
        DataException e = assertThrows(DataException.class, off::locate);
        assertTrue(e.getMessage().contains(tmp.resolve("mine").toString()) && e.getMessage().contains("REPROLAB_DATA"), e.getMessage());
    }

    @Test
    void aConfiguredFolderWinsAndDownloadBaseGetsItsSlash(@TempDir Path tmp) throws IOException {
        Path mine = Files.createDirectories(tmp.resolve("mine").resolve("fashion-mnist"));
        for (String name : FashionMnistSource.SHA256.keySet()) {
            Files.write(mine.resolve(name), new byte[0]);
        }
        FashionMnistSource s = source(tmp).withDataFolder(tmp.resolve("mine"));
        assertEquals(mine, s.locate().folder());
        assertEquals("http://example.org/x/", s.withDownload(URI.create("http://example.org/x"), true).downloadBase().toString());
    }

    @Test
    void directFetchChecksTheHash(@TempDir Path tmp) throws IOException {
        Path file = tmp.resolve("payload");
        Files.writeString(file, "hello");
        served.put("payload", file);
        String sha = Downloads.sha256(file);
        Path target = tmp.resolve("out").resolve("payload");
        Downloads.fetch(base.resolve("payload"), sha, target, () -> "");
        assertEquals("hello", Files.readString(target));
        Path other = tmp.resolve("out2").resolve("payload");
        assertThrows(DataException.class, () -> Downloads.fetch(base.resolve("payload"), "00" + sha.substring(2), other, () -> ""));
        assertEquals(List.of(), listing(other.getParent()));
    }

    /** The names of the files in a folder, sorted (none when it does not exist). */
    private static List<String> listing(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
