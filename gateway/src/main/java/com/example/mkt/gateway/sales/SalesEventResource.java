package com.example.mkt.gateway.sales;

import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import com.example.mkt.gateway.config.GatewayConfig;
import com.example.mkt.gateway.ratelimit.RateLimits;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Sales, refunds and contract fulfilments reported by other systems. Only API clients (role
 * {@code integration}) publish here: people's tools have no business inventing sales.
 */
@Path("/api/v1/sales-events")
@RolesAllowed(Roles.INTEGRATION)
public class SalesEventResource {

    private final SalesIngestion ingestion;
    private final SecurityIdentity identity;
    private final RateLimits rateLimits;
    private final GatewayConfig config;

    public SalesEventResource(SalesIngestion ingestion, SecurityIdentity identity, RateLimits rateLimits,
            GatewayConfig config) {
        this.ingestion = ingestion;
        this.identity = identity;
        this.rateLimits = rateLimits;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Report sales events", description = "One sales.recorded event, or {\"events\": [...]} of"
            + " up to 1,000. Each is answered ACCEPTED (published to sales.events), DUPLICATE (its eventId was"
            + " published before, or earlier in this request) or REJECTED (with the reasons), in input order; the"
            + " status is 200 even when some are rejected. Authenticate with the header X-Api-Key.")
    @SecurityRequirement(name = "apiKey")
    public IngestionResult.Batch ingest(@RequestBody(description = "a sales.recorded event or {\"events\": [...]}") JsonNode body) {
        if (identity.getAttribute(com.example.mkt.gateway.apikey.ApiClients.CLIENT_ATTRIBUTE) == null) {
            // Machines report sales with API keys, which are limited and audited per client; a person's token (or a
            // token minted with the integration role) is no such client.
            throw ApiException.forbidden("sales events are reported with an API key (X-Api-Key), not a bearer token");
        }
        List<JsonNode> events = events(body);
        rateLimits.checkApiClient(identity, events.size());
        return new IngestionResult.Batch(ingestion.ingest(events, identity.getPrincipal().getName()));
    }

    private List<JsonNode> events(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ApiException.invalid("body", "must be one sales event or {\"events\": [...]}");
        }
        if (!body.has("events") || body.has("eventId")) {
            return List.of(body);
        }
        JsonNode events = body.get("events");
        if (!events.isArray() || events.isEmpty()) {
            throw ApiException.invalid("events", "must be a non-empty array of sales events");
        }
        int max = config.limits().maxSalesBatch();
        if (events.size() > max) {
            throw ApiException.invalid("events", "holds " + events.size() + " events; at most " + max
                    + " are accepted per request");
        }
        List<JsonNode> list = new ArrayList<>(events.size());
        events.forEach(list::add);
        return list;
    }
}
