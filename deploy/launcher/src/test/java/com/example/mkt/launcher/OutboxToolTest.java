package com.example.mkt.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

class OutboxToolTest {

    @Test
    void listAndReleaseAreParsed() {
        OutboxRequest list = Invocation.parse("outbox", "list", "customer").outbox().orElseThrow();
        assertEquals(Invocation.Command.OUTBOX, Invocation.parse("outbox", "list", "kpi-service").command());
        assertEquals(OutboxRequest.Action.LIST, list.action());
        assertEquals("customer-service", list.service().name());
        OutboxRequest one = Invocation.parse("outbox", "release", "gateway", "--id", "42").outbox().orElseThrow();
        assertEquals(42, one.id().getAsLong());
        assertTrue(Invocation.parse("outbox", "release", "kpi", "--all").outbox().orElseThrow().all());
        assertThrows(UsageException.class, () -> Invocation.parse("outbox"));
        assertThrows(UsageException.class, () -> Invocation.parse("outbox", "list"));
        assertThrows(UsageException.class, () -> Invocation.parse("outbox", "list", "nowhere-service"));
        assertThrows(UsageException.class, () -> Invocation.parse("outbox", "release", "kpi"));
        assertThrows(UsageException.class, () -> Invocation.parse("outbox", "release", "kpi", "--id", "x"));
        assertThrows(UsageException.class, () -> Invocation.parse("outbox", "drop", "kpi"));
    }

    /** Against a stand-in of a service's ops endpoint: the paths, the ops token, paging through cursors, the table. */
    @Test
    void talksToTheServicesOpsEndpoint() throws Exception {
        List<String> seen = new CopyOnWriteArrayList<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/ops/outbox/parked", exchange -> {
            String uri = exchange.getRequestURI().toString();
            seen.add(exchange.getRequestMethod() + " " + uri + " " + exchange.getRequestHeaders().getFirst("Authorization"));
            String body;
            int status = 200;
            if (uri.endsWith("/7/release")) {
                body = "{\"released\":2}";
            } else if (uri.endsWith("/8/release")) {
                status = 404;
                body = "{\"type\":\"about:blank\"}";
            } else if (uri.contains("cursor=")) {
                body = "{\"items\":[{\"id\":9,\"topic\":\"customer.events\",\"key\":\"C-2\",\"type\":\"customer.created\","
                        + "\"reason\":\"held: an earlier event of the same topic and key is parked\",\"attempts\":0,"
                        + "\"parkedAt\":\"2026-12-05T10:00:01Z\"}],\"nextCursor\":null}";
            } else {
                body = "{\"items\":[{\"id\":7,\"topic\":\"customer.events\",\"key\":\"C-2\",\"type\":\"customer.created\","
                        + "\"reason\":\"RecordTooLargeException: too large\",\"attempts\":5,"
                        + "\"parkedAt\":\"2026-12-05T10:00:00Z\"}],\"nextCursor\":\"OQ\"}";
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            OutboxTool tool = new OutboxTool("http://127.0.0.1:" + server.getAddress().getPort(), "tok",
                    new Console(new PrintStream(out, true, StandardCharsets.UTF_8)));
            tool.run(OutboxRequest.parse(List.of("list", "customer")));
            tool.run(OutboxRequest.parse(List.of("release", "customer", "--id", "7")));
            assertThrows(PlatformException.class, () -> tool.run(OutboxRequest.parse(List.of("release", "customer",
                    "--id", "8"))));
            String printed = out.toString(StandardCharsets.UTF_8);
            assertTrue(printed.contains("2 parked outbox rows"), printed);
            assertTrue(printed.contains("RecordTooLargeException: too large"), printed);
            assertTrue(printed.contains("2 parked rows released"), printed);
            assertEquals(List.of("GET /ops/outbox/parked?limit=500 Bearer tok",
                    "GET /ops/outbox/parked?limit=500&cursor=OQ Bearer tok",
                    "POST /ops/outbox/parked/7/release Bearer tok", "POST /ops/outbox/parked/8/release Bearer tok"), seen);
        } finally {
            server.stop(0);
        }
    }
}
