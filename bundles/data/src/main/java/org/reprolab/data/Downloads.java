package org.reprolab.data;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches one file over HTTP(S) into place atomically: the body goes to a temporary file beside the target, its
 * SHA-256 is checked, and only then is it moved to the target name. A failed or rejected download leaves nothing.
 */
final class Downloads {

    private static final Logger LOG = LoggerFactory.getLogger(Downloads.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READ_TIMEOUT = Duration.ofMinutes(10);

    private Downloads() {
    }

    /** Downloads {@code url} to {@code target} if its SHA-256 is {@code sha256}; {@code howToGet} ends each error message. */
    static void fetch(URI url, String sha256, Path target, Supplier<String> howToGet) {
        Path tmp = null;
        try {
            Files.createDirectories(target.getParent());
            tmp = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".part");
            LOG.info("downloading {} to {}", url, target);
            HttpResponse<Path> response;
            try (HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT)
                    .followRedirects(HttpClient.Redirect.NORMAL).build()) {
                response = client.send(HttpRequest.newBuilder(url).timeout(READ_TIMEOUT).GET().build(),
                        HttpResponse.BodyHandlers.ofFile(tmp));
            }
            if (response.statusCode() != 200) {
                throw new DataException("download of " + url + " failed: HTTP " + response.statusCode() + ". " + howToGet.get());
            }
            String actual = sha256(tmp);
            if (!actual.equalsIgnoreCase(sha256)) {
                throw new DataException("download of " + url + " rejected: its SHA-256 is " + actual + ", expected "
                        + sha256 + " (a changed or damaged file). " + howToGet.get());
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new DataException("download of " + url + " to " + target + " failed: " + e + ". " + howToGet.get(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DataException("download of " + url + " was interrupted", e);
        } finally {
            deleteQuietly(tmp);
        }
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int r = in.read(buf); r >= 0; r = in.read(buf)) {
                digest.update(buf, 0, r);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }

    private static void deleteQuietly(Path tmp) {
        if (tmp != null) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException e) {
                LOG.warn("could not delete the partial download {}: {}", tmp, e.toString());
            }
        }
    }
}
