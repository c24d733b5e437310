package com.example.mkt.rest.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}). {@code errors} lists invalid
 * fields; {@code allowed} lists the transitions a resource allows from its current state (409).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors,
        List<String> allowed) {

    public static final String MEDIA_TYPE = "application/problem+json";
    /** Problem types are relative URIs under this prefix, documented in the API description. */
    public static final String TYPE_PREFIX = "/problems/";
}
