package com.example.mkt.rest.problem;

/** One invalid input: the JSON path or parameter name, and why it is invalid. */
public record FieldError(String field, String message) {
}
