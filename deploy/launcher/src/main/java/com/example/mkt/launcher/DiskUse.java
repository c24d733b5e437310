package com.example.mkt.launcher;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * What the platform's state takes on disk and what the disk has left. A full disk stops the platform without a word
 * in its own logs (Kafka halts, PostgreSQL refuses writes): on 2026-12-07 fifty-odd benches had filled 77 GB and every
 * service was stuck. So 'status' shows the figures and 'status' and 'up' warn while there is still room to act.
 */
record DiskUse(long postgresBytes, long kafkaBytes, long usableBytes) {

    /** Below this the platform is warned about: a million sales take about 3 GB, mostly PostgreSQL's. */
    static final long LOW = 5L << 30;

    static DiskUse of(Layout layout) {
        return new DiskUse(bytesUnder(layout.postgresData()), bytesUnder(layout.kafkaHome()), free(layout));
    }

    /**
     * The bytes free for the platform's state, -1 when unknown, without walking it (what 'up' needs). PostgreSQL's
     * files may live on another filesystem than Kafka's (Layout#postgresHome): the less free counts.
     */
    static long free(Layout layout) {
        long kafkaFree = usable(layout.kafkaHome());
        long postgresFree = usable(layout.postgresData());
        return kafkaFree < 0 || postgresFree < 0 ? Math.max(kafkaFree, postgresFree)
                : Math.min(kafkaFree, postgresFree);
    }

    /**
     * The sizes of the files under a directory, 0 when there is none. The servers delete segments and WAL while this
     * walks: a file gone before it was read counts 0. Kafka's offset and time indexes are left out: each partition's
     * active segment preallocates 20 MB of them as sparse files, so their apparent size made a fresh broker's 45
     * partitions look like 0.8 GB, while the indexes of full segments are about 0.2 % of their logs.
     */
    static long bytesUnder(Path dir) {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        long[] sum = { 0 };
        try {
            Files.walkFileTree(dir, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    String name = file.getFileName().toString();
                    if (!name.endsWith(".index") && !name.endsWith(".timeindex")) {
                        sum[0] += attrs.size();
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            // a walk cut short still reports what it counted
        }
        return sum[0];
    }

    private static long usable(Path dir) {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                try {
                    return Files.getFileStore(p).getUsableSpace();
                } catch (IOException e) {
                    return -1;
                }
            }
        }
        return -1;
    }

    boolean low() {
        return low(usableBytes);
    }

    static boolean low(long usableBytes) {
        return usableBytes >= 0 && usableBytes < LOW;
    }

    String line() {
        String free = usableBytes < 0 ? "free space unknown" : gigabytes(usableBytes) + " GB free";
        return "disk: PostgreSQL " + gigabytes(postgresBytes) + " GB, Kafka " + gigabytes(kafkaBytes) + " GB; " + free;
    }

    String warning() {
        return warning(usableBytes);
    }

    static String warning(long usableBytes) {
        return "disk: only " + gigabytes(usableBytes) + " GB left; Kafka and PostgreSQL stop when it is full."
                + " './platform destroy' deletes the local state (all data)";
    }

    private static String gigabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / (double) (1L << 30));
    }
}
