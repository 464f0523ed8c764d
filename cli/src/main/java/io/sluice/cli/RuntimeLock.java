package io.sluice.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Makes {@code ./sluice up} the only one on its data folder: an OS file lock, held for as long as the
 * process lives (the OS drops it when the process ends, however it ends), with the holder's pid in the
 * file for the message. Taken before anything is started or cleaned up, so a second {@code up} refuses
 * and leaves the first one's Kafka and Elasticsearch alone.
 */
final class RuntimeLock implements AutoCloseable {

    static final String FILE = "up.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private RuntimeLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock, or empty with the holder's pid (or "?") when another process holds it. */
    static Result acquire(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
            Path file = dataDir.resolve(FILE);
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                String holder = Files.readString(file, StandardCharsets.UTF_8).strip();
                channel.close();
                return new Result(Optional.empty(), holder.isEmpty() ? "?" : holder);
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.UTF_8)), 0);
            channel.force(false);
            return new Result(Optional.of(new RuntimeLock(channel, lock)), null);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + dataDir.resolve(FILE), e);
        }
    }

    /** Either the lock or who holds it. */
    record Result(Optional<RuntimeLock> lock, String holderPid) {

        String refusal(Path dataDir) {
            return "another ./sluice up (pid " + holderPid + ") is running on " + dataDir
                    + "; it keeps running. Stop it first (Ctrl-C in its terminal), or give this one another home (SLUICE_HOME).";
        }
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
