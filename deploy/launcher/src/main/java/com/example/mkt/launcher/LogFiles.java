package com.example.mkt.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import com.example.mkt.infra.Processes;

/** Reading logs from the end, in bytes: logs can be large, and need not be valid UTF-8 where they are cut. */
final class LogFiles {

    private LogFiles() {
    }

    /** Logs are appended to across restarts; past this size the old part is moved aside to {@code <name>.1}. */
    static final long ROTATE_AT_BYTES = 64L * 1024 * 1024;

    /** Called before a process is started on the log, never while something writes to it. */
    static void rotateIfLarge(Path log) {
        try {
            if (Files.exists(log) && Files.size(log) > ROTATE_AT_BYTES) {
                Files.move(log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rotate " + log, e);
        }
    }

    /** What a failure message ends with: the log's last lines and the command that shows more. */
    static String tailForFailure(Layout layout, String component, Path log) {
        String tail = Files.exists(log) ? new String(lastLines(log, 15), StandardCharsets.UTF_8).strip() : "";
        return "\n--- the last lines of " + layout.display(log) + " ---\n"
                + (tail.isEmpty() ? "(empty)" : tail) + "\n---\n./platform logs " + component + " shows more.";
    }

    static final String MARKER_PREFIX = "==== ";

    /** The part of a log's tail written since the last start marker: older runs only confuse a failure report. */
    static String sinceLastStart(byte[] tail) {
        String text = new String(tail, StandardCharsets.UTF_8);
        int marker = text.lastIndexOf("\n" + MARKER_PREFIX);
        return marker >= 0 ? text.substring(marker + 1) : text;
    }

    /** A line that separates one run's output from the previous ones' in a log that is appended to. */
    static void appendMarker(Path log, String message) {
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "\n" + MARKER_PREFIX + OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS) + " " + message
                    + " ====\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + log, e);
        }
    }

    /** The last {@code lines} lines of a file, without reading the whole of it. */
    static byte[] lastLines(Path file, int lines) {
        if (!Files.exists(file)) {
            return new byte[0];
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            long start = length;
            int newlines = 0;
            byte[] block = new byte[8192];
            // A trailing newline ends the last line; it does not start another one.
            long end = length;
            if (length > 0) {
                in.seek(length - 1);
                if (in.read() == '\n') {
                    end = length - 1;
                }
            }
            long pos = end;
            outer:
            while (pos > 0) {
                int n = (int) Math.min(block.length, pos);
                pos -= n;
                in.seek(pos);
                in.readFully(block, 0, n);
                for (int i = n - 1; i >= 0; i--) {
                    if (block[i] == '\n' && ++newlines == lines) {
                        start = pos + i + 1;
                        break outer;
                    }
                }
                start = pos;
            }
            byte[] out = new byte[(int) (length - start)];
            in.seek(start);
            in.readFully(out);
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Copies what is appended to the file to {@code out} until the process is interrupted (Ctrl-C). */
    static void follow(Path file, long from, OutputStream out) throws IOException {
        long position = from;
        byte[] buffer = new byte[65536];
        while (true) {
            long length = Files.exists(file) ? Files.size(file) : 0;
            if (length < position) {
                // truncated or replaced: start again from its beginning
                position = 0;
            }
            if (length > position) {
                try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
                    in.seek(position);
                    int n;
                    while ((n = in.read(buffer)) > 0) {
                        out.write(Arrays.copyOf(buffer, n));
                        position += n;
                    }
                }
                out.flush();
            }
            Processes.sleep(300);
        }
    }
}
