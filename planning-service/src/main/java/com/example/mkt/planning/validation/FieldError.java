package com.example.mkt.planning.validation;

import java.util.Objects;

/**
 * One validation failure, named by the JSON-style path of the offending field (e.g. {@code goals[2].target})
 * so the REST layer can return it unchanged in the problem+json {@code errors} array (docs/api.md#errors).
 */
public record FieldError(String field, String message) {

    public FieldError {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(message, "message");
    }
}
