package dev.starshop.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Proof that one engine owns an embedded PostgreSQL data directory.
 *
 * <p>An OS file lock next to the directory keeps other processes out. It cannot keep out a second
 * engine in the same JVM: Java refuses an overlapping lock with an exception rather than a
 * {@code null}, and on Linux closing any channel to the file would drop the lock for the whole
 * process. So engines in one JVM are checked against an in-memory set before the file is touched.
 */
final class DataDirectoryLock implements AutoCloseable {

    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path dataDir;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path dataDir, FileChannel channel, FileLock lock) {
        this.dataDir = dataDir;
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path dataDir) throws IOException {
        Path dir = dataDir.toAbsolutePath().normalize();
        if (!HELD_IN_THIS_JVM.add(dir)) {
            throw inUse(dir);
        }
        try {
            Files.createDirectories(dir.getParent());
            FileChannel channel = FileChannel.open(lockFileOf(dir), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                throw inUse(dir);
            }
            return new DataDirectoryLock(dir, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD_IN_THIS_JVM.remove(dir);
            throw e;
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not release the lock on " + dataDir, e);
        } finally {
            HELD_IN_THIS_JVM.remove(dataDir);
        }
    }

    private static IllegalStateException inUse(Path dataDir) {
        return new IllegalStateException("The embedded PostgreSQL data directory " + dataDir
                + " is in use by another Starshop engine. Stop that engine, or give this one its own"
                + " directory with STARSHOP_EMBEDDED_POSTGRES_DATA_DIR.");
    }

    private static Path lockFileOf(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".lock");
    }
}
