package com.example.mkt.rest;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "rest")
public interface RestConfig {

    Idempotency idempotency();

    interface Idempotency {
        /** How long a first answer is replayed for repeats of its Idempotency-Key. */
        @WithDefault("P1D")
        Duration retention();
    }
}
