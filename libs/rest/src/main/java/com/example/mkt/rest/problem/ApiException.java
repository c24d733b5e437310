package com.example.mkt.rest.problem;

import java.util.List;
import java.util.Map;

/**
 * A client-visible failure, turned into problem+json by {@link ProblemMappers}. Services throw these
 * from their logic instead of building responses.
 */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final List<FieldError> errors;
    private final List<String> allowed;
    private final Map<String, String> headers;

    public ApiException(int status, String type, String title, String detail, List<FieldError> errors,
            List<String> allowed, Map<String, String> headers) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.errors = errors == null ? null : List.copyOf(errors);
        this.allowed = allowed == null ? null : List.copyOf(allowed);
        this.headers = headers == null ? Map.of() : Map.copyOf(headers);
    }

    /** 400: a field is malformed. */
    public static ApiException invalid(String field, String message) {
        return invalid(List.of(new FieldError(field, message)));
    }

    /**
     * 400 listing at most {@value #MAX_REPORTED_ERRORS} field errors: a hostile body with thousands of bad elements
     * must not get an answer thousands of times its size; the detail says how many there were.
     */
    public static ApiException invalid(List<FieldError> errors) {
        String detail = errors.size() == 1 ? errors.get(0).field() + ": " + errors.get(0).message()
                : errors.size() + " fields are invalid";
        List<FieldError> reported = errors;
        if (errors.size() > MAX_REPORTED_ERRORS) {
            reported = errors.subList(0, MAX_REPORTED_ERRORS);
            detail += "; the first " + MAX_REPORTED_ERRORS + " are listed";
        }
        return new ApiException(400, "validation", "Invalid request", detail, reported, null, null);
    }

    public static final int MAX_REPORTED_ERRORS = 20;

    /** 404: unknown, or outside the caller's org scope (the two are indistinguishable on purpose). */
    public static ApiException notFound(String what, String id) {
        return new ApiException(404, "not-found", "Not found", what + " " + id + " does not exist", null, null, null);
    }

    /** 409: the resource's state does not allow this; {@code allowed} lists what it does allow. */
    public static ApiException illegalTransition(String detail, List<String> allowed) {
        // Always present on this problem, even empty: clients read it to offer the next steps.
        return new ApiException(409, "illegal-transition", "Illegal state transition", detail, null,
                allowed == null ? List.of() : allowed, null);
    }

    /** 409: the request conflicts with the resource's current state (e.g. a duplicate). */
    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", "Conflict", detail, null, null, null);
    }

    /** 422: well-formed but semantically invalid. */
    public static ApiException unprocessable(String field, String message) {
        return new ApiException(422, "unprocessable", "Semantically invalid request", field + ": " + message,
                List.of(new FieldError(field, message)), null, null);
    }

    /** 412: the resource changed since the caller read it (a stale If-Match, or a lost optimistic lock). */
    public static ApiException stale(String detail, Map<String, String> headers) {
        return new ApiException(412, "stale", "Precondition failed", detail, null, List.of(), headers);
    }

    /** 401: no valid bearer token; the challenge header says which scheme to use. */
    public static ApiException unauthenticated() {
        return new ApiException(401, "unauthenticated", "Unauthenticated", "a valid bearer token is required", null,
                null, Map.of("WWW-Authenticate", "Bearer"));
    }

    /** 403: authenticated but the role does not allow this. */
    public static ApiException forbidden(String detail) {
        return new ApiException(403, "forbidden", "Forbidden", detail, null, null, null);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }

    /** The invalid fields; empty when the failure is not about fields. */
    public List<FieldError> errors() {
        return errors == null ? List.of() : errors;
    }

    /** The transitions allowed instead; empty when the failure is not about a state. */
    public List<String> allowed() {
        return allowed == null ? List.of() : allowed;
    }

    public Map<String, String> headers() {
        return headers;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.TYPE_PREFIX + type, title, status, getMessage(), instance, errors, allowed);
    }
}
