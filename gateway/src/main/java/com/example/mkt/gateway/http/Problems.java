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
}
