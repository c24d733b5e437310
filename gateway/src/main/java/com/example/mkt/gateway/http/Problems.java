package com.example.mkt.gateway.http;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.problem.Problem;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.RoutingContext;

/**
 * problem+json for answers given outside JAX-RS (proxied routes, filters), shaped exactly as the
 * libs/rest mappers shape them, so a client cannot tell which layer answered.
 */
@ApplicationScoped
public class Problems {

    private final ObjectMapper mapper;

    public Problems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void send(RoutingContext ctx, ApiException e) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        if (!ctx.request().isEnded()) {
            // An unread body would stall the connection for the caller's next request.
            ctx.request().resume();
        }
        Problem problem = e.toProblem(ctx.request().path());
        String body;
        try {
            body = mapper.writeValueAsString(problem);
        } catch (JsonProcessingException ex) {
            body = "{\"status\":" + e.status() + "}";
        }
        var response = ctx.response().setStatusCode(e.status()).putHeader("Content-Type", Problem.MEDIA_TYPE);
        e.headers().forEach(response::putHeader);
        response.end(body);
    }

    public static ApiException problem(int status, String type, String title, String detail) {
        return new ApiException(status, type, title, detail, null, null, null);
    }

    public static ApiException problem(int status, String type, String title, String detail, Map<String, String> headers) {
        return new ApiException(status, type, title, detail, null, null, headers);
    }

    public static ApiException unauthenticated() {
        return ApiException.unauthenticated();
    }
}
