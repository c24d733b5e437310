package com.example.mkt.e2e;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP proxy in front of the gateway that a test can cut: a browser opened through it loses every connection at
 * once, as on a dropped network, and cannot connect again until the test lets it. It reads what passes for the test:
 * the head of every HTTP/1.1 request (method, path, headers) and the server-sent-event ids sent down live streams.
 * Plain sockets and one thread per direction: a browser opens a handful of connections.
 */
final class CuttableProxy implements AutoCloseable {

    /** One request the browser sent, with the number of cuts made before its connection was opened. */
    record RequestHead(int afterCuts, String method, String path, Map<String, String> headers) {

        Optional<String> header(String name) {
            return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
        }
    }

    /** A server-sent-event id forwarded to the browser, with the number of cuts made before it. */
    record ForwardedId(int afterCuts, String path, String id) {
    }

    private final InetSocketAddress target;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final List<RequestHead> heads = Collections.synchronizedList(new ArrayList<>());
    private final List<ForwardedId> ids = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger cuts = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();
    private volatile boolean refusing;
    private volatile boolean closed;

    CuttableProxy(String targetHost, int targetPort) {
        this.target = new InetSocketAddress(targetHost, targetPort);
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon("proxy-accept", this::acceptLoop);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Closes every open connection, both sides, and refuses new ones until {@link #accept()}. */
    void cutAndRefuse() {
        refusing = true;
        cuts.incrementAndGet();
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    void accept() {
        refusing = false;
    }

    int cuts() {
        return cuts.get();
    }

    /** Connections closed at once while refusing. */
    int refused() {
        return refused.get();
    }

    List<RequestHead> requests() {
        synchronized (heads) {
            return List.copyOf(heads);
        }
    }

    List<ForwardedId> forwardedIds() {
        synchronized (ids) {
            return List.copyOf(ids);
        }
    }

    @Override
    public void close() {
        closed = true;
        closeQuietly(server);
        for (Socket s : open) {
            closeQuietly(s);
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            if (refusing) {
                refused.incrementAndGet();
                closeQuietly(client);
                continue;
            }
            try {
                Socket upstream = new Socket(target.getAddress(), target.getPort());
                open.add(client);
                open.add(upstream);
                Connection connection = new Connection(cuts.get());
                daemon("proxy-up", () -> pump(client, upstream, connection::fromBrowser));
                daemon("proxy-down", () -> pump(upstream, client, connection::toBrowser));
            } catch (IOException e) {
                closeQuietly(client);
            }
        }
    }

    /**
     * Copies one direction until either side closes, then closes both. The bytes are written before they are read
     * for the test, with the number of cuts seen before the write: a write that succeeded before a cut closed the
     * socket is on its way to the browser (closing sends what was written, then the end of the stream).
     */
    private void pump(Socket from, Socket to, Sniffer sniffer) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                int cutsBefore = cuts.get();
                out.write(buffer, 0, n);
                out.flush();
                sniffer.read(buffer, n, cutsBefore);
            }
        } catch (SocketException e) {
            // cut, or the other side went away
        } catch (IOException e) {
            // likewise
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private interface Sniffer {
        void read(byte[] bytes, int n, int cutsBefore);
    }

    /**
     * One browser connection as HTTP/1.1 sees it: request heads, each followed by a body of its Content-Length (a
     * browser's fetch sends no chunked bodies), and while the last request is a live stream, the event ids coming
     * back. HTTP/1.1 answers in request order, so what flows back belongs to the last request sent.
     */
    private final class Connection {

        private final int afterCuts;
        private final StringBuilder up = new StringBuilder();
        private final StringBuilder down = new StringBuilder();
        private long bodyLeft;
        private volatile String lastPath = "";

        Connection(int afterCuts) {
            this.afterCuts = afterCuts;
        }

        void fromBrowser(byte[] bytes, int n, int cutsBefore) {
            int skipped = (int) Math.min(bodyLeft, n);
            bodyLeft -= skipped;
            up.append(new String(bytes, skipped, n - skipped, StandardCharsets.ISO_8859_1));
            int end;
            while (bodyLeft == 0 && (end = up.indexOf("\r\n\r\n")) >= 0) {
                RequestHead head = parse(up.substring(0, end));
                up.delete(0, end + 4);
                heads.add(head);
                lastPath = head.path();
                long length = head.header("content-length").map(Long::parseLong).orElse(0L);
                long inHand = Math.min(length, up.length());
                up.delete(0, (int) inHand);
                bodyLeft = length - inHand;
            }
        }

        void toBrowser(byte[] bytes, int n, int cutsBefore) {
            String path = lastPath;
            if (!path.startsWith("/api/v1/live/")) {
                down.setLength(0);
                return;
            }
            down.append(new String(bytes, 0, n, StandardCharsets.UTF_8));
            int eol;
            while ((eol = down.indexOf("\n")) >= 0) {
                String line = down.substring(0, eol).replace("\r", "");
                down.delete(0, eol + 1);
                if (line.startsWith("id: ")) {
                    ids.add(new ForwardedId(cutsBefore, path, line.substring(4)));
                }
            }
        }

        private RequestHead parse(String head) {
            String[] lines = head.split("\r\n");
            String[] request = lines[0].split(" ");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                if (colon > 0) {
                    headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                            lines[i].substring(colon + 1).trim());
                }
            }
            return new RequestHead(afterCuts, request[0], request.length > 1 ? request[1] : "", headers);
        }
    }

    private static void daemon(String name, Runnable work) {
        Thread t = new Thread(work, name);
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // already closed
        }
    }
}
