package org.reprolab.console.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/** The file holding the console password's hash (never the password): readable and writable by its owner only. */
final class PasswordFile {

    private final Path path;

    PasswordFile(Path path) {
        this.path = path;
    }

    Path path() {
        return path;
    }

    /** @throws IOException when the file exists but cannot be read or holds no hash */
    Optional<PasswordHash> read() throws IOException {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(PasswordHash.decode(Files.readString(path, StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            throw new IOException(path + ": " + e.getMessage() + "; delete it to have a new password generated", e);
        }
    }

    /**
     * Writes the hash atomically: to a new owner-only file beside the target, then moved over it, so a reader
     * sees the old hash or the new one and the content is never readable by others, not even for a moment.
     */
    void write(PasswordHash hash) throws IOException {
        Files.createDirectories(path.toAbsolutePath().getParent());
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp-" + ProcessHandle.current().pid());
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp); // not a POSIX file system: the folder's own protection applies
        } catch (FileAlreadyExistsException e) {
            throw new IOException("cannot create " + tmp + ": it exists", e);
        }
        try {
            Files.writeString(tmp, hash.encode() + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
