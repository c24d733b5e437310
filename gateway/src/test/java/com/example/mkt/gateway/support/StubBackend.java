package com.example.mkt.gateway.support;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;

/**
 * A stand-in for a backend service: echoes what reached it (method, path, query, headers, body size and
 * hash), streams large answers, and never answers /slow, so the gateway's behaviour can be seen from the
 * caller's side.
 */
public final class StubBackend {

    private final Vertx vertx;
    private final HttpServer server;

    private StubBackend(Vertx vertx, HttpServer server) {
        this.vertx = vertx;
        this.server = server;
    }

    public static StubBackend start() {
        Vertx vertx = Vertx.vertx();
        try {
            HttpServer server = vertx.createHttpServer().requestHandler(StubBackend::handle).listen(0, "127.0.0.1")
                    .toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
            return new StubBackend(vertx, server);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("stub backend did not start", e);
        }
    }

    public int port() {
        return server.actualPort();
    }

    public void stop() {
        vertx.close();
    }

    private static void handle(HttpServerRequest request) {
        String path = request.path();
        if (path.endsWith("/slow")) {
            return; // the gateway's timeout answers for us
        }
        if (path.equals("/q/openapi")) {
            request.response().putHeader("Content-Type", "application/json").end(OPENAPI);
            return;
        }
        if (path.endsWith("/sized")) {
            // a declared length, written in parts as a service writes a long answer
            int size = Integer.parseInt(request.getParam("size", "1000"));
            var response = request.response().putHeader("Content-Length", Integer.toString(size))
                    .putHeader("Content-Type", "application/octet-stream");
            for (int sent = 0; sent < size; sent += 16 * 1024) {
                byte[] part = new byte[Math.min(16 * 1024, size - sent)];
                java.util.Arrays.fill(part, (byte) 'y');
                response.write(Buffer.buffer(part));
            }
            response.end();
            return;
        }
        if (path.endsWith("/cut")) {
            // declares 50,000 bytes, sends 10,000 and drops the connection: a backend that died mid-answer
            var response = request.response().putHeader("Content-Length", "50000");
            response.write(Buffer.buffer(new byte[10_000])).onComplete(written -> request.connection().close());
            return;
        }
        if (path.endsWith("/big")) {
            int size = Integer.parseInt(request.getParam("size", "1000000"));
            var response = request.response().setChunked(true).putHeader("Content-Type", "application/octet-stream");
            byte[] chunk = new byte[64 * 1024];
            java.util.Arrays.fill(chunk, (byte) 'x');
            int sent = 0;
            while (sent < size) {
                int n = Math.min(chunk.length, size - sent);
                response.write(Buffer.buffer(n == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, n)));
                sent += n;
            }
            response.end();
            return;
        }
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        long[] length = { 0 };
        request.handler(buffer -> {
            length[0] += buffer.length();
            digest.update(buffer.getBytes());
        });
        request.endHandler(v -> {
            JsonObject headers = new JsonObject();
            request.headers().forEach(h -> headers.put(h.getKey().toLowerCase(), h.getValue()));
            JsonObject echo = new JsonObject().put("method", request.method().name()).put("path", path)
                    .put("query", request.query()).put("headers", headers).put("bodyLength", length[0])
                    .put("bodySha256", HexFormat.of().formatHex(digest.digest()));
            int status = Integer.parseInt(request.getParam("status", "200"));
            if (status == 201) {
                // as a Quarkus service answers a create: an absolute link on the host it was called at
                request.response().putHeader("Location", "http://" + request.authority() + path + "/c-new");
            }
            request.response().setStatusCode(status).putHeader("Content-Type", "application/json")
                    .putHeader("X-Backend", "stub").putHeader("Access-Control-Allow-Origin", "*")
                    .end(echo.encode());
        });
    }

    private static final String OPENAPI = """
            {"openapi": "3.1.0", "info": {"title": "stub", "version": "1"},
             "paths": {"/api/v1/customers": {"get": {"summary": "List customers", "responses": {"200": {"description": "ok"}}}}},
             "components": {"schemas": {"Customer": {"type": "object"}}}}""";
}
