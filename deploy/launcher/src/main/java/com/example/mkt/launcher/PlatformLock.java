package com.example.mkt.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * Serialises 'up' and 'down': two of them at once would each see a component stopped and start it twice.
 * The lock is released by the kernel if the launcher dies, so it can never go stale.
 */
final class PlatformLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private PlatformLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static PlatformLock acquire(Layout layout, Console console) {
        try {
            Files.createDirectories(layout.run());
            FileChannel channel = FileChannel.open(layout.lockFile(), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                console.step("another ./platform up or down is running; waiting for it to finish");
                lock = channel.lock();
            }
            return new PlatformLock(channel, lock);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + layout.lockFile(), e);
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
            channel.close();
        } catch (IOException e) {
            // the kernel drops the lock with the process anyway
        }
    }
}
