package com.example.mkt.gateway.routing;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.impl.ContextInternal;

/**
 * One HTTP client per event loop, each used only from its own loop. A single shared client leases whichever pooled
 * connection is free, often one another event loop owns: every proxied request then crossed threads twice (an
 * eventfd write to wake the owner, a futex to hand the answer back), three system calls that on a virtual machine
 * cost more than the relaying itself. The trade-off is a pool per loop: more idle connections to each backend.
 */
final class LoopClients {

    private final Map<Object, HttpClient> clients = new ConcurrentHashMap<>();
    private final Supplier<HttpClient> factory;

    LoopClients(Supplier<HttpClient> factory) {
        this.factory = factory;
    }

    /** The client of the calling event loop (one shared by callers off any loop). */
    HttpClient current() {
        Context context = Vertx.currentContext();
        Object loop = context instanceof ContextInternal internal && context.isEventLoopContext()
                ? internal.nettyEventLoop() : this;
        return clients.computeIfAbsent(loop, l -> factory.get());
    }

    void close() {
        clients.values().forEach(HttpClient::close);
        clients.clear();
    }
}
