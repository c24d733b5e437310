package com.example.mkt.rest;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rest")
public interface RestConfig {

    Idempotency idempotency();

    Json json();

    Http http();

    Security security();

    interface Security {
        /** The cache of verified bearer tokens ({@code VerifiedTokens}). */
        VerifiedTokens verifiedTokens();
    }

    interface VerifiedTokens {
        /**
         * Tokens remembered per instance; 0 turns the cache off. One entry is the token's claims, a few kilobytes:
         * 4,096 people active within {@link #maxAge()} cost about 10 MB of heap.
         */
        @WithDefault("4096")
        int maxEntries();

        /**
         * How long a verified token is accepted without verifying it again (never past its own exp): also how long
         * a token signed by a retired key stays accepted.
         */
        @WithDefault("PT5M")
        Duration maxAge();
    }

    interface Http {
        /**
         * Characters a request's path and query may hold; longer ones get 414 problem+json from
         * {@code MalformedRequests}. The longest the API produces (a cursor, a few filters) is a few hundred.
         */
        @WithDefault("4096")
        int maxUriLength();

        /**
         * Whether bodies sent without Content-Length are read (up to quarkus.http.limits.max-body-size) before JAX-RS
         * runs, so that one past the limit gets 413 problem+json ({@code ChunkedBodies}). Off where bodies are
         * streamed on instead (the gateway's proxy, which counts them itself).
         */
        @WithDefault("true")
        boolean readChunkedBodies();
    }

    interface Json {
        /**
         * Elements a list in a request body may hold. The largest list the API documents is a sales batch of 1,000
         * (read by the gateway as a tree, not through this limit); every other list is far shorter. Read by
         * {@code JsonLimits} when the ObjectMapper is built.
         */
        @WithDefault("1000")
        int maxListElements();

        /**
         * Whether JSON trees (bodies read as {@code JsonNode}, event envelopes) are refused when any text or key holds
         * a control character, as plain strings always are. The gateway turns it off: it judges each event of a sales
         * batch on its own (REJECTED) instead of refusing the batch.
         */
        @WithDefault("true")
        boolean checkTrees();
    }

    interface Idempotency {
        /** How long a first answer is replayed for repeats of its Idempotency-Key. */
        @WithDefault("P1D")
        Duration retention();
    }
}
