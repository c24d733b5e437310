package com.example.mkt.rest.problem;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/**
 * Every error leaves a service as RFC 9457 problem+json: the offending field and a reason for bad input,
 * never a stack trace, and never a 500 for a client's mistake.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        Response.ResponseBuilder response = respond(e.toProblem(path(uri)));
        e.headers().forEach(response::header);
        return response.build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> violation : e.getConstraintViolations()) {
            errors.add(new FieldError(field(violation.getPropertyPath()), violation.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        return api(ApiException.invalid(errors), uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return api(ApiException.invalid(jsonField(e), jsonReason(e)), uri);
    }

    /** As specific as the mapper quarkus-rest-jackson ships for it, so this one wins. */
    @ServerExceptionMapper
    public Response mismatchedJson(com.fasterxml.jackson.databind.exc.MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    /** As specific as quarkus-rest-jackson's own mapper (an empty 500): still a 500, but a problem. */
    @ServerExceptionMapper
    public Response invalidDefinition(com.fasterxml.jackson.databind.exc.InvalidDefinitionException e, UriInfo uri) {
        return unexpected(e, uri);
    }

    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return api(ApiException.forbidden("your role does not allow this"), uri);
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Throwable cause = e.getCause();
        if (cause instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status == 404 && e instanceof jakarta.ws.rs.NotFoundException && cause instanceof IllegalArgumentException) {
            // JAX-RS answers a query or path parameter it cannot convert (limit=abc) with 404; it is bad input.
            LOG.debugf(e, "unconvertible parameter on %s", path(uri));
            return api(ApiException.invalid(parameterName(cause, uri), "not a valid value of this parameter's type"),
                    uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType info = e.getResponse().getStatusInfo();
        String slug = info.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
        Response.ResponseBuilder response = respond(new Problem(Problem.TYPE_PREFIX + slug, info.getReasonPhrase(), status,
                e.getMessage(), path(uri), null, null));
        // Keep what the protocol needs, e.g. Allow on 405.
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        ApiException race = DatabaseRaces.translate(e);
        if (race != null) {
            return api(race, uri);
        }
        ApiException outage = DatabaseOutage.translate(e);
        if (outage != null) {
            LOG.warnf("database unreachable on %s: %s", path(uri), e);
            return api(outage, uri);
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s on %s", incident, path(uri));
        return respond(new Problem(Problem.TYPE_PREFIX + "internal", "Internal error", 500,
                "The request failed on our side; quote incident " + incident + " when reporting it.", path(uri), null,
                null)).build();
    }

    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("\"([^\"]*)\"");

    /**
     * The runtime does not say which parameter failed, but the converter's message quotes the value
     * ({@code For input string: "abc"}): the query or path parameter carrying that value is the one.
     */
    static String parameterName(Throwable cause, UriInfo uri) {
        java.util.regex.Matcher m = QUOTED.matcher(String.valueOf(cause.getMessage()));
        if (m.find() && uri != null) {
            String value = m.group(1);
            for (jakarta.ws.rs.core.MultivaluedMap<String, String> params : List.of(uri.getQueryParameters(),
                    uri.getPathParameters())) {
                for (var entry : params.entrySet()) {
                    if (entry.getValue().contains(value)) {
                        return entry.getKey();
                    }
                }
            }
        }
        return "query";
    }

    private Response unauthenticated(UriInfo uri) {
        return api(ApiException.unauthenticated(), uri);
    }

    private static Response.ResponseBuilder respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem);
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /**
     * {@code create.body.contacts[0].phone} becomes {@code contacts[0].phone}; a query parameter keeps its
     * name. Hibernate Validator puts a list element's index on the node after the list, so it is moved back.
     */
    static String field(Path path) {
        List<Path.Node> nodes = new ArrayList<>();
        path.forEach(nodes::add);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < nodes.size(); i++) {
            Path.Node node = nodes.get(i);
            if (node.getKind() == ElementKind.METHOD) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER && i < nodes.size() - 1) {
                continue; // the body parameter itself: its properties name the field
            }
            if (node.isInIterable() && out.length() > 0) {
                if (node.getIndex() != null) {
                    out.append('[').append(node.getIndex()).append(']');
                } else if (node.getKey() != null) {
                    out.append('[').append(node.getKey()).append(']');
                }
            }
            String name = node.getName();
            if (name == null || name.startsWith("<")) {
                continue; // container elements such as <list element> have no name of their own
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(name);
        }
        return out.length() == 0 ? "body" : out.toString();
    }

    static String jsonField(JsonProcessingException e) {
        String duplicate = duplicateKey(e);
        if (duplicate != null) {
            return duplicate;
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            StringBuilder out = new StringBuilder();
            for (JsonMappingException.Reference ref : mapping.getPath()) {
                if (ref.getFieldName() != null) {
                    if (out.length() > 0) {
                        out.append('.');
                    }
                    out.append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    out.append('[').append(ref.getIndex()).append(']');
                }
            }
            return out.length() == 0 ? "body" : out.toString();
        }
        return "body";
    }

    private static final java.util.regex.Pattern DUPLICATE = java.util.regex.Pattern.compile("^Duplicate field '(.*)'");

    /** The key a body repeats ({@code JsonParser.Feature.STRICT_DUPLICATE_DETECTION}), or null. */
    private static String duplicateKey(JsonProcessingException e) {
        if (e instanceof com.fasterxml.jackson.core.JsonParseException) {
            java.util.regex.Matcher m = DUPLICATE.matcher(String.valueOf(e.getOriginalMessage()));
            if (m.find()) {
                return m.group(1);
            }
        }
        return null;
    }

    private static String jsonReason(JsonProcessingException e) {
        if (duplicateKey(e) != null) {
            return "this key appears more than once in its object";
        }
        if (e instanceof JsonLimits.TooManyElements tooMany) {
            return tooMany.reason();
        }
        if (e instanceof JsonLimits.ControlCharacter) {
            return ControlCharacters.REASON;
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException) {
            return "unknown field";
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.InvalidFormatException invalid) {
            return "cannot read " + describe(invalid.getValue()) + " as " + invalid.getTargetType().getSimpleName();
        }
        if (e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatched
                && mismatched.getTargetType() != null) {
            return "expected " + mismatched.getTargetType().getSimpleName();
        }
        if (e instanceof com.fasterxml.jackson.core.JsonParseException) {
            return "not valid JSON";
        }
        return "unreadable value";
    }

    private static String describe(Object value) {
        String text = String.valueOf(value);
        return "'" + (text.length() > 40 ? text.substring(0, 40) + "..." : text) + "'";
    }
}
