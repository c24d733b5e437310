package com.example.mkt.gateway.asyncapi;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.example.mkt.gateway.http.Problems;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The event API document, public like {@code /openapi}: {@code GET /asyncapi} (JSON; YAML with {@code ?format=yaml}
 * or {@code Accept: application/yaml}), {@code GET /asyncapi.yaml}, and the producers' schema files it was built from
 * at {@code GET /asyncapi/schemas/<name>.json}. Built once at start: everything it says is in the jar.
 */
@ApplicationScoped
public class AsyncApiRoutes {

    static final String JSON = "application/json";
    static final String YAML = "application/yaml; charset=utf-8";
    static final String SCHEMA = "application/schema+json";

    private final Problems problems;
    private String json;
    private String yaml;
    private Set<String> schemaNames;

    public AsyncApiRoutes(Problems problems) {
        this.problems = problems;
    }

    void init(@Observes Router router) {
        ObjectNode document = AsyncApiDocument.build();
        json = document.toString();
        yaml = yaml(document);
        Set<String> names = new HashSet<>();
        document.path("components").path("schemas").fieldNames().forEachRemaining(names::add);
        schemaNames = Set.copyOf(names);
        router.get("/asyncapi").handler(this::document);
        router.get("/asyncapi.yaml").handler(ctx -> send(ctx, YAML, yaml));
        router.get("/asyncapi.json").handler(ctx -> send(ctx, JSON, json));
        router.get("/asyncapi/schemas/:file").handler(this::schema);
    }

    private void document(RoutingContext ctx) {
        String format = ctx.request().getParam("format");
        String accept = ctx.request().getHeader("Accept");
        if (format == null) {
            boolean wantsYaml = accept != null && accept.contains("yaml") && !accept.contains(JSON);
            send(ctx, wantsYaml ? YAML : JSON, wantsYaml ? yaml : json);
        } else if (format.equals("yaml") || format.equals("yml")) {
            send(ctx, YAML, yaml);
        } else if (format.equals("json")) {
            send(ctx, JSON, json);
        } else {
            problems.send(ctx, Problems.problem(400, "validation", "Invalid request",
                    "format must be json or yaml, not " + format));
        }
    }

    private void schema(RoutingContext ctx) {
        String file = ctx.pathParam("file");
        String name = file.endsWith(".json") ? file.substring(0, file.length() - ".json".length()) : file;
        // Only the schemas the document names: the copies directory is not a file server.
        Optional<String> text = schemaNames.contains(name) ? PublishedSchemas.text(name) : Optional.empty();
        if (text.isEmpty()) {
            problems.send(ctx, Problems.problem(404, "not-found", "Not found",
                    "no schema " + file + " is published; the document's components.schemas name them"));
            return;
        }
        send(ctx, SCHEMA, text.get());
    }

    private static void send(RoutingContext ctx, String contentType, String body) {
        ctx.response().putHeader("Content-Type", contentType).putHeader("Cache-Control", "public, max-age=300")
                .end(body);
    }

    static String yaml(JsonNode document) {
        try {
            return YAMLMapper.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                    .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                    .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build().writeValueAsString(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the AsyncAPI document as YAML", e);
        }
    }
}
