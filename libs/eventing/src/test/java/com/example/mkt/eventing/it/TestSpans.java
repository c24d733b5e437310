package com.example.mkt.eventing.it;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;

/**
 * Every sampled span of the test application, kept in memory: Quarkus exports to SpanExporter beans (its batch
 * processor, every 50 ms in the tests: application.properties).
 */
@ApplicationScoped
public class TestSpans {

    @Produces
    @Singleton
    InMemorySpanExporter exporter() {
        return InMemorySpanExporter.create();
    }
}
