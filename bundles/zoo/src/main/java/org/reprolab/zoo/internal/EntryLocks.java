package org.reprolab.zoo.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.reprolab.api.RunCancelledException;
import org.reprolab.zoo.BuildListener;

/**
 * Exclusive use of one cache entry folder, across threads and processes: a per-folder {@link ReentrantLock}
 * in this JVM (a JVM may hold only one {@link FileLock} per file, and a second {@code lock()} from another
 * thread throws rather than waits), then an OS lock on the folder's {@value #LOCK_FILE} file. Waiting polls,
 * so that the waiter reports progress and can be cancelled.
 */
final class EntryLocks {
    static final String LOCK_FILE = ".lock";
    private static final long POLL_MS = 200;

    private final ConcurrentHashMap<Path, ReentrantLock> local = new ConcurrentHashMap<>();

    /** A held lock; closing releases it. */
    static final class Held implements AutoCloseable {
        private final ReentrantLock local;
        private final FileChannel channel;
        private final FileLock lock;

        private Held(ReentrantLock local, FileChannel channel, FileLock lock) {
            this.local = local;
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
                channel.close();
            } finally {
                local.unlock();
            }
        }
    }

    /** Waits until this caller holds the folder (creating it), telling the listener while it waits. */
    Held acquire(Path folder, BuildListener listener, String what) throws IOException {
        ReentrantLock mine = local.computeIfAbsent(folder, f -> new ReentrantLock());
        try {
            while (!mine.tryLock(POLL_MS, TimeUnit.MILLISECONDS)) {
                waiting(listener, what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException("interrupted while waiting for " + what);
        }
        try {
            while (true) {
                Files.createDirectories(folder);
                Path lockFile = folder.resolve(LOCK_FILE);
                FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock;
                try {
                    while ((lock = channel.tryLock()) == null) {
                        waiting(listener, what);
                        sleep(what);
                    }
                } catch (IOException | RuntimeException e) {
                    channel.close();
                    throw e;
                }
                // a concurrent clear may have deleted the folder between open and lock: then lock the new file
                if (Files.exists(lockFile)) {
                    return new Held(mine, channel, lock);
                }
                lock.release();
                channel.close();
            }
        } catch (IOException | RuntimeException e) {
            mine.unlock();
            throw e;
        }
    }

    /** The folder's lock if nobody holds it now, else empty. */
    Optional<Held> tryAcquire(Path folder) throws IOException {
        ReentrantLock mine = local.computeIfAbsent(folder, f -> new ReentrantLock());
        if (!mine.tryLock()) {
            return Optional.empty();
        }
        try {
            FileChannel channel = FileChannel.open(folder.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                mine.unlock();
                return Optional.empty();
            }
            return Optional.of(new Held(mine, channel, lock));
        } catch (IOException | RuntimeException e) {
            mine.unlock();
            throw e;
        }
    }

    private static void waiting(BuildListener listener, String what) {
        if (listener.isCancelled()) {
            throw new RunCancelledException("cancelled while waiting for " + what);
        }
        listener.progress(0, 1, "waiting for another build of " + what);
    }

    private static void sleep(String what) {
        try {
            Thread.sleep(POLL_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RunCancelledException("interrupted while waiting for " + what);
        }
    }
}
