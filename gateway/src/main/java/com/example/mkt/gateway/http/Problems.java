package com.example.mkt.gateway.http;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.problem.RoutingProblems;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's problems for answers given outside JAX-RS (proxied routes, filters), written by libs/rest's
 * {@link RoutingProblems}.
 */
@ApplicationScoped
public class Problems {

    private final ObjectMapper mapper;

    public Problems(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void send(RoutingContext ctx, ApiException e) {
        RoutingProblems.send(ctx, mapper, e, ctx.request().path());
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

    /** A failed authentication of a route outside JAX-RS: 401 for bad credentials, else a logged 500. */
    public void authenticationFailed(RoutingContext ctx, Throwable failure, String what) {
        if (failure instanceof io.quarkus.security.AuthenticationFailedException) {
            send(ctx, unauthenticated());
        } else {
            org.jboss.logging.Logger.getLogger(Problems.class).errorf(failure, "authentication of %s failed unexpectedly",
                    what);
            send(ctx, problem(500, "internal", "Internal error",
                    "the request failed on our side; quote request id " + RequestFilters.requestId(ctx)));
        }
    }
}
