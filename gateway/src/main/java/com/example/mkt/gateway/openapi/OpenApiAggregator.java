package com.example.mkt.gateway.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.example.mkt.gateway.config.GatewayConfig;

import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * One API document for the whole platform at {@code /openapi}: the gateway's own operations plus each
 * backend's {@code /q/openapi}, fetched when asked and kept briefly. A backend that is down is left out
 * and named in the document, so the rest stays browsable; Swagger UI at {@code /docs} reads it.
 */
@ApplicationScoped
public class OpenApiAggregator {

    private static final Logger LOG = Logger.getLogger(OpenApiAggregator.class);
    private static final String DOCS_PAGE = """
            <!DOCTYPE html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Marketing platform API</title>
              <link rel="stylesheet" href="/q/swagger-ui/swagger-ui.css">
            </head>
            <body>
              <p style="font-family: sans-serif; margin: 1em 2em">Events on Kafka (topics, keys, CloudEvents envelope,
                payload schemas, producers and consumers): the AsyncAPI 3.0 document,
                <a href="/asyncapi">JSON</a> or <a href="/asyncapi.yaml">YAML</a>.</p>
              <div id="swagger-ui"></div>
              <script src="/q/swagger-ui/swagger-ui-bundle.js"></script>
              <script>
                window.ui = SwaggerUIBundle({url: '/openapi', dom_id: '#swagger-ui', deepLinking: true});
              </script>
            </body>
            </html>
            """;

    private final GatewayConfig config;
    private HttpClient client;
    private volatile Cached cached;

    private record Cached(long fetchedAt, String document) {
    }

    public OpenApiAggregator(GatewayConfig config) {
        this.config = config;
    }

    void init(@Observes Router router, Vertx vertx) {
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(8));
        router.get("/openapi").handler(this::document);
        router.get("/docs").handler(ctx -> ctx.response().putHeader("Content-Type", "text/html; charset=utf-8")
                .end(DOCS_PAGE));
    }

    void close(@Observes ShutdownEvent event) {
        if (client != null) {
            client.close();
        }
    }

    private void document(RoutingContext ctx) {
        Cached current = cached;
        if (current != null && System.nanoTime() - current.fetchedAt() < config.openapi().cacheFor().toNanos()) {
            send(ctx, current.document());
            return;
        }
        int port = ctx.request().localAddress() == null ? 8080 : ctx.request().localAddress().port();
        Map<String, Future<JsonObject>> sources = new LinkedHashMap<>();
        sources.put("gateway", fetch("http://127.0.0.1:" + port));
        config.backends().forEach((name, backend) -> sources.put(name, fetch(backend.url())));
        Future.join(new ArrayList<>(sources.values())).onComplete(done -> {
            JsonObject merged = merge(sources);
            String document = merged.encode();
            cached = new Cached(System.nanoTime(), document);
            send(ctx, document);
        });
    }

    private static void send(RoutingContext ctx, String document) {
        ctx.response().putHeader("Content-Type", "application/json").end(document);
    }

    private Future<JsonObject> fetch(String baseUrl) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        long timeout = config.openapi().fetchTimeout().toMillis();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.GET)
                .setAbsoluteURI(base + "/q/openapi?format=json").setConnectTimeout(timeout).setIdleTimeout(timeout)
                .putHeader("Accept", "application/json");
        return client.request(options).compose(request -> request.send()).compose(response -> {
            if (response.statusCode() != 200) {
                return Future.failedFuture("status " + response.statusCode());
            }
            return response.body();
        }).map(body -> body.toJsonObject());
    }

    static JsonObject merge(Map<String, Future<JsonObject>> sources) {
        JsonObject paths = new JsonObject();
        JsonObject schemas = new JsonObject();
        List<String> missing = new ArrayList<>();
        Map<String, JsonObject> documents = new LinkedHashMap<>();
        sources.forEach((name, result) -> {
            if (result.failed()) {
                LOG.infof("API document of %s left out: %s", name, result.cause().toString());
                missing.add(name);
            } else {
                documents.put(name, result.result());
            }
        });
        JsonArray tags = ApiDocumentMerger.merge(documents, paths, schemas).getJsonArray("tags");
        String description = "The platform's public API through the gateway. People authenticate with a bearer"
                + " JWT; other systems publish sales events with the header X-Api-Key.";
        if (!missing.isEmpty()) {
            description += " Not available right now, so not described here: " + String.join(", ", missing) + ".";
        }
        JsonObject securitySchemes = new JsonObject()
                .put("bearer", new JsonObject().put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT"))
                .put("apiKey", new JsonObject().put("type", "apiKey").put("in", "header").put("name", "X-Api-Key"));
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "Marketing platform API").put("version", "1")
                        .put("description", description))
                .put("servers", new JsonArray().add(new JsonObject().put("url", "/")))
                .put("security", new JsonArray().add(new JsonObject().put("bearer", new JsonArray())))
                .put("tags", tags)
                .put("paths", paths)
                .put("components", new JsonObject().put("schemas", schemas).put("securitySchemes", securitySchemes))
                .put("x-unavailable-services", new JsonArray(missing));
    }
}
