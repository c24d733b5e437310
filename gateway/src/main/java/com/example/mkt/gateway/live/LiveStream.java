package com.example.mkt.gateway.live;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import com.example.mkt.gateway.config.GatewayConfig;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerResponse;

/**
 * One open stream: the response of one {@code GET /api/v1/live/...}, carrying one event type, written on its connection's event loop. Updates
 * arrive from the feed on the Kafka thread and are handed to that loop; those outside the caller's scope are
 * dropped first. A client that stops reading is disconnected once {@code max-queued} bytes wait for it, so a stalled
 * tab cannot hold the gateway's memory; its browser reconnects with the last id it saw.
 */
final class LiveStream {

    private static final Logger LOG = Logger.getLogger(LiveStream.class);
    /** Milliseconds a browser waits before reconnecting (the SSE {@code retry} field). */
    static final int RETRY_MS = 3000;
    static final String RESET = "event: reset\ndata: {\"reason\":\"the updates since your last event are no longer"
            + " held here: reload the figures through the API\"}\n\n";

    private final HttpServerResponse response;
    private final Vertx vertx;
    private final LiveFeed feed;
    private final String type;
    private final Optional<Set<String>> scope;
    private final GatewayConfig.Live config;
    private final Runnable onClose;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Consumer<LiveFeed.Update> listener = this::offer;
    private Context context;
    private long heartbeat = -1;

    /** @param scope the org units the caller may see; empty: every unit */
    LiveStream(io.vertx.ext.web.RoutingContext ctx, LiveFeed feed, String type, Optional<Set<String>> scope,
            GatewayConfig.Live config, Runnable onClose) {
        this.response = ctx.response();
        this.vertx = ctx.vertx();
        this.feed = feed;
        this.type = type;
        this.scope = scope;
        this.config = config;
        this.onClose = onClose;
    }

    /** Answers 200 and starts streaming; runs on the connection's event loop. */
    void start(String lastEventId) {
        context = vertx.getOrCreateContext();
        if (response.closed()) {
            close();
            return;
        }
        response.setStatusCode(200).setChunked(true)
                .putHeader("Content-Type", "text/event-stream; charset=utf-8")
                .putHeader("Cache-Control", "no-store")
                .putHeader("X-Accel-Buffering", "no");
        response.setWriteQueueMaxSize((int) Math.min(Integer.MAX_VALUE, config.maxQueued().asLongValue()));
        response.closeHandler(v -> close());
        response.exceptionHandler(e -> close());
        StringBuilder first = new StringBuilder("retry: ").append(RETRY_MS).append("\n\n");
        long after = resumeAfter(lastEventId, feed.epoch());
        Optional<List<LiveFeed.Update>> missed = after < 0 ? Optional.empty() : feed.subscribe(after, listener);
        if (missed.isEmpty()) {
            first.append(RESET);
            feed.subscribe(0, listener);
        } else {
            for (LiveFeed.Update u : missed.get()) {
                if (visible(u)) {
                    frame(first, u, feed.epoch());
                }
            }
        }
        response.write(first.toString());
        heartbeat = vertx.setPeriodic(config.heartbeat().toMillis(), id -> write(": keep-alive\n\n"));
    }

    /**
     * The number to resume after: 0 for a new stream (no id), the id's number when it is this instance's, -1 when
     * it cannot be known here (another instance's, or not an id of this stream at all).
     */
    static long resumeAfter(String lastEventId, String epoch) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return 0;
        }
        int colon = lastEventId.lastIndexOf(':');
        if (colon < 0 || !lastEventId.substring(0, colon).equals(epoch)) {
            return -1;
        }
        try {
            long seq = Long.parseLong(lastEventId.substring(colon + 1));
            return seq < 0 ? -1 : seq;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    static void frame(StringBuilder out, LiveFeed.Update u, String epoch) {
        // data is compact JSON: a line break inside it is escaped, so one data line holds it
        out.append("id: ").append(epoch).append(':').append(u.seq()).append("\nevent: ").append(u.type())
                .append("\ndata: ").append(u.data()).append("\n\n");
    }

    private boolean visible(LiveFeed.Update u) {
        return u.type().equals(type) && scope.map(units -> units.contains(u.orgUnit())).orElse(true);
    }

    /** Called by the feed, under its lock: filter and hand over, nothing more. */
    private void offer(LiveFeed.Update u) {
        if (!closed.get() && visible(u)) {
            context.runOnContext(v -> {
                StringBuilder out = new StringBuilder(u.data().length() + 64);
                frame(out, u, feed.epoch());
                write(out.toString());
            });
        }
    }

    private void write(String text) {
        if (closed.get()) {
            return;
        }
        if (response.writeQueueFull()) {
            LOG.infof("live stream closed: %d bytes wait for a client that does not read", config.maxQueued()
                    .asLongValue());
            response.reset();
            close();
            return;
        }
        response.write(text);
    }

    private void close() {
        if (closed.compareAndSet(false, true)) {
            feed.unsubscribe(listener);
            if (heartbeat >= 0) {
                vertx.cancelTimer(heartbeat);
            }
            onClose.run();
        }
    }
}
