package com.example.mkt.rest.openapi;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import com.example.mkt.rest.problem.Problem;

/**
 * Writes the platform's REST conventions (docs/api.md) into every service's API document, so that a client generated
 * from it knows what every operation can answer: each error as {@code application/problem+json} with the shared
 * {@code Problem} schema; 401 and 403 where a token is needed; 400 where there is input; 404 under a path
 * parameter; 412 and 428 where {@code If-Match} is required; 413 and 415 where a body is read; 409 and 422 on
 * writes; 414, 500 and 503 (database away, with {@code Retry-After}) everywhere; and the optional
 * {@code Idempotency-Key} header of every POST.
 * What each endpoint declares itself (a 409, a 422) keeps its description and gets the problem body too.
 */
public class ApiDocumentConventions implements OASFilter {

    static final String PROBLEM_REF = "#/components/schemas/Problem";
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    private static final Map<String, String> STANDARD = Map.ofEntries(
            Map.entry("400", "The request is invalid: errors[] names each field and why"),
            Map.entry("401", "No valid bearer token"),
            Map.entry("403", "The token's role or org scope does not allow this"),
            Map.entry("404", "Nothing with this id is visible to the caller"),
            Map.entry("409", "The resource's state does not allow this: allowed[] lists what it allows now"),
            Map.entry("412", "If-Match names an older version: read the resource again"),
            Map.entry("413", "The body is larger than accepted"),
            Map.entry("414", "The path and query are longer than accepted"),
            Map.entry("415", "The body is not application/json"),
            Map.entry("422", "The request is well-formed but refers to something unknown or breaks a rule"),
            Map.entry("428", "If-Match is required: send the ETag of your last read"),
            Map.entry("500", "A fault on our side; quote the X-Request-Id"),
            Map.entry("503", "A dependency is unavailable; retry after Retry-After seconds"));

    @Override
    public void filterOpenAPI(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        addProblemSchemas(api.getComponents());
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> {
            if (item.getOperations() != null) {
                item.getOperations().forEach((method, operation) -> conventions(path, method, operation));
            }
        });
    }

    private static void conventions(String path, PathItem.HttpMethod method, Operation operation) {
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        boolean body = operation.getRequestBody() != null;
        boolean hasInput = body || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        if (secured) {
            error(responses, "401");
            error(responses, "403");
        }
        if (hasInput) {
            error(responses, "400");
        }
        if (path.contains("{") || hasQuery(operation)) {
            // a path id, or a query naming something (orgUnit=...), that is not there or not visible to the caller
            error(responses, "404");
        }
        if (body) {
            error(responses, "413");
            error(responses, "415");
        }
        if (method != PathItem.HttpMethod.GET) {
            // a write may meet a state that forbids it, or name something this service does not know (yet)
            error(responses, "409");
            error(responses, "422");
        }
        error(responses, "414");
        if (requiresIfMatch(method, operation)) {
            error(responses, "412");
            error(responses, "428");
        }
        error(responses, "500");
        error(responses, "503");
        responses.getAPIResponse("503").addHeader("Retry-After", OASFactory.createHeader()
                .description("Seconds to wait before retrying").schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER)));
        if (method == PathItem.HttpMethod.POST && secured && !hasParameter(operation, IDEMPOTENCY_KEY)) {
            operation.addParameter(OASFactory.createParameter().name(IDEMPOTENCY_KEY).in(Parameter.In.HEADER)
                    .required(false).description("Repeats with the same key within a day get the first answer again"
                            + " (header Idempotent-Replayed: true) instead of acting twice")
                    .schema(OASFactory.createSchema().addType(Schema.SchemaType.STRING).maxLength(128)));
        }
        // every error the operation declares itself, whatever its code, carries a problem
        responses.getAPIResponses().forEach((code, response) -> {
            if (code.startsWith("4") || code.startsWith("5")) {
                problemBody(response, code);
            }
        });
    }

    /** PUT and PATCH check If-Match (ETags.require); the document then says so. */
    private static boolean requiresIfMatch(PathItem.HttpMethod method, Operation operation) {
        return (method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH)
                && hasParameter(operation, "If-Match");
    }

    private static boolean hasQuery(Operation operation) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> p.getIn() == Parameter.In.QUERY);
    }

    private static boolean hasParameter(Operation operation, String name) {
        return operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> name.equalsIgnoreCase(p.getName()));
    }

    private static void error(APIResponses responses, String code) {
        if (!responses.hasAPIResponse(code)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(STANDARD.get(code)));
        }
    }

    private static void problemBody(APIResponse response, String code) {
        String generic = response.getDescription();
        if (generic == null || generic.isBlank() || List.of("Not Authorized", "Not Allowed", "Bad Request")
                .contains(generic)) {
            response.setDescription(STANDARD.getOrDefault(code, "Error"));
        }
        Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_REF)));
        response.setContent(content);
    }

    private static void addProblemSchemas(Components components) {
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        components.addSchema("FieldError", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("One invalid input: the JSON path or parameter name, and why")
                .addProperty("field", text).addProperty("message", text).required(List.of("field", "message")));
        components.addSchema("Problem", OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details, the body of every error (application/problem+json)")
                .addProperty("type", OASFactory.createSchema().addType(Schema.SchemaType.STRING)
                        .description("A relative URI under /problems/, e.g. /problems/validation"))
                .addProperty("title", text)
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("instance", text)
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .items(OASFactory.createSchema().ref("#/components/schemas/FieldError")))
                .addProperty("allowed", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY).items(text)
                        .description("For 409: the transitions the resource allows now"))
                .required(List.of("type", "title", "status")));
    }
}
