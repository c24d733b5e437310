package com.example.mkt.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Everything an operator tunes on the gateway: the route table and its backends, API clients, limits and
 * CORS. See docs in application.properties for the production values.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /**
     * Where callers reach the gateway (e.g. https://api.example.com), for the links backends answer with; unset, the
     * scheme and host of each request (forwarded ones from trusted proxies).
     */
    Optional<String> publicUrl();

    /** Backend services by name; each names the first path segments under /api/v1 it owns. */
    Map<String, Backend> backends();

    /** API clients (other systems) by name; only the SHA-256 of each key is configured. */
    Map<String, ApiClient> clients();

    Limits limits();

    Cors cors();

    Sales sales();

    OpenApi openapi();

    Live live();

    Console console();

    interface Backend {
        /** Base URL, e.g. http://customer-service:8081; the request path is appended unchanged. */
        String url();

        /**
         * Every instance's base URL when the backend runs as several replicas (comma-separated; GATEWAY_BACKENDS_KPI_SERVICE_INSTANCES):
         * requests go to them in turn, each behind a circuit breaker of its own. Unset: {@link #url()} alone.
         */
        Optional<List<String>> instances();

        /** First path segments below /api/v1 that this backend serves, e.g. customers, complaints. */
        List<String> routes();

        @WithDefault("2s")
        Duration connectTimeout();

        /** Longest wait for the backend's first byte (and between bytes) before answering 504. */
        @WithDefault("30s")
        Duration timeout();

        CircuitBreaker circuitBreaker();
    }

    interface CircuitBreaker {
        /** Consecutive connection failures or timeouts that open the circuit. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open circuit answers 503 before one trial request is let through. */
        @WithDefault("15s")
        Duration openFor();
    }

    interface ApiClient {
        /** Lower-case hex SHA-256 of the client's key; the key itself is never configured. */
        String keyHash();

        /** This client's own bucket; the default for API clients otherwise. */
        Optional<Bucket> rateLimit();
    }

    interface Bucket {
        /** Burst: requests allowed at once. */
        int capacity();

        /** Sustained rate: tokens added per second. */
        double refillPerSecond();
    }

    interface Limits {
        /** Largest request body; larger ones are answered 413 before they reach a handler or backend. */
        @WithDefault("2M")
        MemorySize maxBodySize();

        /**
         * Largest body passed on to a service: what the services accept themselves (libs/rest's 1 MB). Refused here,
         * a larger body gets 413 problem+json at once; passed on, the service would refuse it while the gateway was
         * still sending, and the caller would see a 502 or an empty 413 instead.
         */
        @WithDefault("1M")
        MemorySize maxProxiedBodySize();

        /** Most events in one POST /api/v1/sales-events. */
        @WithDefault("1000")
        int maxSalesBatch();

        /** Default bucket of an API client. */
        Bucket apiClients();

        /** Bucket of each user, keyed by the token's sub. */
        Bucket users();

        /** Failed authentications (401) allowed per client address and per API-key prefix. */
        Bucket authFailures();
    }

    interface Cors {
        /** Front-end origins allowed to call the API from a browser. */
        List<String> origins();
    }

    interface Sales {
        @WithDefault("sales.events")
        String topic();

        /**
         * The platform's currency: a sale in another one is refused (every sales consumer dead-letters it too, with
         * its own key of the same default: kpi.currency, customer.currency, campaign.currency).
         */
        @WithDefault("CNY")
        String currency();

        /** How far in the future an occurredAt may lie (clock skew between systems). */
        @WithDefault("5m")
        Duration maxFutureSkew();

        /** Longest wait for Kafka's acknowledgement before the request answers 503. */
        @WithDefault("30s")
        Duration publishTimeout();

        /**
         * How long a published eventId is remembered, so that its resend is answered DUPLICATE. Older receipts are
         * deleted: the table and its index stay the size of this window instead of growing with every sale ever
         * ingested. A resend after the window is published again and every consumer drops it by its eventId (their
         * fact rows are kept for good), so it still counts once.
         */
        @WithDefault("P35D")
        Duration receiptRetention();
    }

    interface OpenApi {
        /** Longest wait for a backend's /q/openapi; a slower or absent backend is left out of the document. */
        @WithDefault("3s")
        Duration fetchTimeout();

        /** How long a merged document is served before the backends are asked again. */
        @WithDefault("30s")
        Duration cacheFor();
    }

    interface Live {
        /**
         * Updates each instance keeps for streams that reconnect (Last-Event-ID): one that missed more is told to
         * reload. About 600 bytes each.
         */
        @WithDefault("4096")
        int buffer();

        /** Streams one user may hold open at once (browser tabs, screens); one more is answered 429. */
        @WithDefault("4")
        int streamsPerUser();

        /** Streams one instance serves at once; one more is answered 503. */
        @WithDefault("2000")
        int streams();

        /** A comment line this often keeps idle connections (and proxies between) open. */
        @WithDefault("15s")
        Duration heartbeat();

        /**
         * Bytes a stream may have waiting for a client that does not read them; beyond, it is closed (the client
         * reconnects and resumes or reloads). Above a full replay of the buffer, so a reconnect never trips it.
         */
        @WithDefault("4M")
        MemorySize maxQueued();
    }

    /** The web console under /console/ (docs/api.md#web-console). */
    interface Console {
        /**
         * The private key (PKCS#8 PEM) the local platform's development sign-in signs tokens with. Only the launcher
         * sets it, to the key its services already trust; without it (every other deployment) the dev sign-in does
         * not exist and answers 404.
         */
        Optional<java.nio.file.Path> devSignInKey();

        /** The issuer a dev sign-in token names: the one the services verify. */
        String issuer();

        /** How long a dev sign-in token is valid. */
        @WithDefault("12h")
        Duration tokenValidity();

        /**
         * The identity provider people sign in with in production: the OIDC authorization-code flow with PKCE, run by
         * the console in the browser (a public client: no secret). Absent: no company sign-in is offered.
         */
        Optional<Oidc> oidc();
    }

    interface Oidc {
        /** The provider's authorization endpoint (its discovery document's {@code authorization_endpoint}). */
        String authorizationEndpoint();

        /** Its token endpoint; the console posts the code there, so the provider must allow this origin (CORS). */
        String tokenEndpoint();

        /** The console's client id at the provider (a public client, PKCE S256). */
        String clientId();

        /**
         * The scopes asked for; {@code openid} when unset. No default in the mapping: a default would make the group
         * present on every deployment, and its three required endpoints missing where no provider is configured.
         */
        Optional<String> scope();
    }
}
