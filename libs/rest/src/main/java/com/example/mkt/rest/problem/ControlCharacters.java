package com.example.mkt.rest.problem;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Text with control characters is refused where it enters: PostgreSQL cannot store U+0000 at all (the request
 * failed with a 500 deep inside), and no field of this API means to hold the other C0 controls. Tab, line feed and
 * carriage return stay allowed (multi-line notes). Query and path parameters are checked here; JSON strings by
 * {@link JsonLimits}; cursors by {@code PageRequest}.
 */
public class ControlCharacters {

    private final ProblemMappers problems = new ProblemMappers();

    /** True when {@code text} holds a C0 control other than tab, line feed and carriage return. */
    public static boolean present(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return true;
            }
        }
        return false;
    }

    public static final String REASON = "must not contain control characters (such as U+0000)";

    /** 400 naming the field when its text holds a control character. */
    public static void require(String field, String text) {
        if (present(text)) {
            throw ApiException.invalid(field, REASON);
        }
    }

    @ServerRequestFilter
    public Optional<Response> refuseInParameters(ContainerRequestContext request) {
        var uri = request.getUriInfo();
        for (var params : List.of(uri.getQueryParameters(), uri.getPathParameters())) {
            for (Map.Entry<String, List<String>> p : params.entrySet()) {
                if (present(p.getKey()) || p.getValue().stream().anyMatch(ControlCharacters::present)) {
                    return Optional.of(problems.api(ApiException.invalid(p.getKey(), REASON), uri));
                }
            }
        }
        return Optional.empty();
    }
}
