package com.example.mkt.customer.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.example.mkt.customer.workflow.IllegalTransitionException;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.problem.ProblemMappers;

/**
 * The domain's refusals in the platform's problem+json shapes. Lost optimistic locks (a concurrent writer, e.g.
 * the sales consumer, won between our read and our write) are libs/rest's: 412, like a stale If-Match.
 */
public class DomainExceptionMappers {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e, UriInfo uri) {
        return problems.api(ApiException.illegalTransition(e.getMessage(), e.allowedActionNames().stream()
                .map(a -> a.toLowerCase().replace('_', '-')).toList()), uri);
    }
}
