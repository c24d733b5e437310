package com.example.mkt.eventing.trace;

import java.util.HashMap;
import java.util.Map;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.context.Context;

/** The current span as W3C trace-context headers ({@code traceparent}, {@code tracestate}); empty without one. */
public final class TraceContext {

    private TraceContext() {
    }

    public static Map<String, String> currentHeaders(OpenTelemetry telemetry) {
        Map<String, String> carrier = new HashMap<>();
        telemetry.getPropagators().getTextMapPropagator().inject(Context.current(), carrier, Map::put);
        return carrier;
    }
}
