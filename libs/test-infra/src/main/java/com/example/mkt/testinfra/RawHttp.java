package com.example.mkt.testinfra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * HTTP/1.1 over a plain socket, for what HTTP clients refuse to send (control characters in headers, 70 KiB request
 * lines) or send otherwise (a chunked body that keeps growing). The answer is returned as text, whatever it is: a
 * connection reset or closed before any byte becomes part of the text ({@code <no answer: ...>}), so the assertions
 * on it fail with what happened.
 */
public final class RawHttp {

    private RawHttp() {
    }

    /** Sends the bytes (which should say {@code Connection: close}) and reads the answer to the end of the stream. */
    public static String send(int port, String request) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            try {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // the server may answer and close before reading everything: its answer is what counts
            }
            return read(socket.getInputStream());
        }
    }

    /**
     * POSTs {@code bytes} of a JSON object (an opening brace and blanks) in 64 KiB chunks, without Content-Length;
     * stops sending when the server stops reading, then reads its answer.
     */
    public static String chunked(int port, String path, String authorization, String apiKey, int bytes)
            throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
                    + (authorization == null ? "" : "Authorization: " + authorization + "\r\n")
                    + (apiKey == null ? "" : "X-Api-Key: " + apiKey + "\r\n")
                    + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
            byte[] chunk = new byte[64 * 1024];
            Arrays.fill(chunk, (byte) ' ');
            chunk[0] = '{';
            try {
                out.write(head.getBytes(StandardCharsets.ISO_8859_1));
                for (int sent = 0; sent < bytes; sent += chunk.length) {
                    out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                    out.write(chunk);
                    out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
                    chunk[0] = ' ';
                }
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException e) {
                // as above
            }
            return read(socket.getInputStream());
        }
    }

    private static String read(InputStream in) {
        ByteArrayOutputStream got = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                got.write(buffer, 0, n);
            }
        } catch (IOException e) {
            if (got.size() == 0) {
                return "<no answer: " + e + ">";
            }
        }
        return got.size() == 0 ? "<no answer: closed without a byte>" : got.toString(StandardCharsets.UTF_8);
    }
}
