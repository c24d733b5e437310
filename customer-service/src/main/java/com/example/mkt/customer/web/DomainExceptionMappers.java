package com.example.mkt.customer.web;

import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.hibernate.StaleObjectStateException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.example.mkt.customer.workflow.IllegalTransitionException;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.problem.Problem;

/** The domain's refusals in the platform's problem+json shapes. */
public class DomainExceptionMappers {

    @ServerExceptionMapper
    public Response illegalTransition(IllegalTransitionException e, UriInfo uri) {
        return respond(ApiException.illegalTransition(e.getMessage(), e.allowedActionNames().stream()
                .map(a -> a.toLowerCase().replace('_', '-')).toList()), uri);
    }

    /** A concurrent writer (e.g. the sales consumer) won between our read and our write: the client's copy is stale. */
    @ServerExceptionMapper
    public Response optimisticLock(OptimisticLockException e, UriInfo uri) {
        return stale(uri);
    }

    @ServerExceptionMapper
    public Response staleObject(StaleObjectStateException e, UriInfo uri) {
        return stale(uri);
    }

    private Response stale(UriInfo uri) {
        return respond(new ApiException(412, "stale", "Precondition failed",
                "the resource changed while your request ran; read it again and retry", null, java.util.List.of(),
                null), uri);
    }

    private static Response respond(ApiException e, UriInfo uri) {
        Response.ResponseBuilder response = Response.status(e.status()).type(Problem.MEDIA_TYPE)
                .entity(e.toProblem(uri == null ? null : uri.getPath()));
        e.headers().forEach(response::header);
        return response.build();
    }
}
