package com.example.mkt.planning.shared;

import java.util.List;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.example.mkt.planning.validation.ValidationException;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.problem.FieldError;
import com.example.mkt.rest.problem.ProblemMappers;

/** The domain's own exceptions leave as the platform's problem+json, through the library's mapper. */
public class DomainProblems {

    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response validation(ValidationException e, UriInfo uri) {
        return problems.api(unprocessable(e.errors()), uri);
    }

    /** 422 listing every field, as the domain validators collect them. */
    public static ApiException unprocessable(List<com.example.mkt.planning.validation.FieldError> errors) {
        List<FieldError> fields = errors.stream().map(f -> new FieldError(f.field(), f.message())).toList();
        String detail = fields.size() == 1 ? fields.get(0).field() + ": " + fields.get(0).message()
                : fields.size() + " fields are semantically invalid";
        return new ApiException(422, "unprocessable", "Semantically invalid request", detail, fields, null, null);
    }

    /** 400 listing every field: the input is malformed, whatever the state of the data. */
    public static ApiException invalid(List<com.example.mkt.planning.validation.FieldError> errors) {
        return ApiException.invalid(errors.stream().map(f -> new FieldError(f.field(), f.message())).toList());
    }
}
