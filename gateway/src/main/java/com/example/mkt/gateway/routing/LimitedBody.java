package com.example.mkt.gateway.routing;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body without Content-Length (chunked), passed on until it exceeds the size limit: the
 * declared length is checked before routing, this catches bodies that declare none.
 */
final class LimitedBody implements ReadStream<Buffer> {

    private final ReadStream<Buffer> body;
    private final long max;
    private final Runnable exceeded;
    private long seen;
    private boolean stopped;

    LimitedBody(ReadStream<Buffer> body, long max, Runnable exceeded) {
        this.body = body;
        this.max = max;
        this.exceeded = exceeded;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        if (handler == null) {
            body.handler(null);
            return this;
        }
        body.handler(buffer -> {
            if (stopped) {
                return;
            }
            seen += buffer.length();
            if (seen > max) {
                stopped = true;
                exceeded.run();
                return;
            }
            handler.handle(buffer);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        body.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        body.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        body.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        body.fetch(amount);
        return this;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        body.endHandler(endHandler == null ? null : v -> {
            if (!stopped) {
                endHandler.handle(v);
            }
        });
        return this;
    }
}
