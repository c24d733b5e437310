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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
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

    /**
     * The example request of the API document: amounts are decimal strings in CNY, times carry their offset
     * (Asia/Shanghai, +08:00). eventIds are the source system's; posting the example twice answers DUPLICATE.
     */
    static final String SALES_BATCH_EXAMPLE = """
            {"events": [
              {"eventId": "POS-NC-20261115-000123", "kind": "SALE", "occurredAt": "2026-11-15T10:32:05+08:00",
               "customer": {"externalRef": "POS-CUST-88012", "name": "王芳", "phone": "13907918812"},
               "orgUnit": "B-NANCHANG", "salesperson": "s-nc-01", "channel": "BRANCH",
               "campaignCode": "WINTER-TRAVEL-2026",
               "items": [{"productCode": "LAY", "category": "旅游险", "quantity": 2, "unitPrice": "168.00"},
                         {"productCode": "DDC", "category": "车险", "quantity": 1, "unitPrice": "1299.50"}],
               "amount": "1635.50", "currency": "CNY"},
              {"eventId": "POS-NC-20261115-000124", "kind": "REFUND", "occurredAt": "2026-11-15T16:05:41+08:00",
               "customer": {"externalRef": "POS-CUST-88012"}, "orgUnit": "B-NANCHANG",
               "refundOf": "POS-NC-20261115-000123",
               "items": [{"productCode": "LAY", "quantity": 1, "unitPrice": "168.00"}],
               "amount": "-168.00", "currency": "CNY"}
            ]}""";

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
    public IngestionResult.Batch ingest(@RequestBody(description = "a sales.recorded event or {\"events\": [...]}",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, examples = @ExampleObject(name = "batch",
                    summary = "A sale with its items and the refund of part of an earlier one, from a branch's POS",
                    value = SALES_BATCH_EXAMPLE))) JsonNode body) {
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
