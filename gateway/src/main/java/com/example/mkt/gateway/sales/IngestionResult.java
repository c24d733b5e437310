package com.example.mkt.gateway.sales;

import java.util.List;

import com.example.mkt.rest.problem.FieldError;
import com.fasterxml.jackson.annotation.JsonInclude;

/** The outcome of one event of a POST /api/v1/sales-events, in the order the events were sent. */
public record IngestionResult(
        @JsonInclude(JsonInclude.Include.ALWAYS) String eventId,
        Status status,
        @JsonInclude(JsonInclude.Include.ALWAYS) List<FieldError> errors) {

    public enum Status {
        ACCEPTED, DUPLICATE, REJECTED
    }

    public static IngestionResult accepted(String eventId) {
        return new IngestionResult(eventId, Status.ACCEPTED, List.of());
    }

    public static IngestionResult duplicate(String eventId) {
        return new IngestionResult(eventId, Status.DUPLICATE, List.of());
    }

    public static IngestionResult rejected(String eventId, List<FieldError> errors) {
        return new IngestionResult(eventId, Status.REJECTED, errors);
    }

    /** The answer body: {@code {"results": [...]}}. */
    public record Batch(List<IngestionResult> results) {
    }
}
