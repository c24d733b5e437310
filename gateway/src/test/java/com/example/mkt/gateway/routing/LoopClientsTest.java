package com.example.mkt.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.impl.ContextInternal;
import io.vertx.core.impl.VertxInternal;

class LoopClientsTest {

    private final Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2));
    private final AtomicInteger made = new AtomicInteger();
    private final LoopClients clients = new LoopClients(() -> {
        made.incrementAndGet();
        return vertx.createHttpClient();
    });

    @AfterEach
    void close() throws Exception {
        clients.close();
        vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void eachEventLoopHasItsOwnClientAndKeepsIt() throws Exception {
        ContextInternal first = ((VertxInternal) vertx).createEventLoopContext();
        ContextInternal second = ((VertxInternal) vertx).createEventLoopContext();
        ContextInternal sameLoopAsFirst = ((VertxInternal) vertx).createEventLoopContext(first.nettyEventLoop(),
                null, null);
        assertNotSame(first.nettyEventLoop(), second.nettyEventLoop(), "two loops, taken in turn");

        HttpClient a = on(first);
        assertSame(a, on(first));
        assertSame(a, on(sameLoopAsFirst), "contexts of one loop share its client");
        assertNotSame(a, on(second));
        assertEquals(2, made.get());
    }

    @Test
    void callersOffAnyEventLoopShareOneClient() throws Exception {
        HttpClient offLoop = clients.current();
        assertSame(offLoop, clients.current());
        assertNotSame(offLoop, on(((VertxInternal) vertx).createEventLoopContext()));
    }

    private HttpClient on(Context context) throws Exception {
        CompletableFuture<HttpClient> client = new CompletableFuture<>();
        context.runOnContext(v -> client.complete(clients.current()));
        return client.get(10, TimeUnit.SECONDS);
    }
}
