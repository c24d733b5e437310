package com.example.mkt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** Matching requests to the document's operations, and what counts as undocumented. */
class DocumentedAnswersTest {

    private final DocumentedAnswers answers = new DocumentedAnswers(Http.JSON.valueToTree(Map.of("paths", Map.of(
            "/api/v1/customers", Map.of("post", Map.of("responses", Map.of("201", "", "400", ""))),
            "/api/v1/customers/{id}", Map.of("get", Map.of("responses", Map.of("200", "", "404", ""))),
            "/api/v1/customers/search", Map.of("get", Map.of("responses", Map.of("200", "")))))));

    @Test
    void theTemplateWithTheMostLiteralSegmentsWins() {
        assertEquals(Optional.of("/api/v1/customers/search"), answers.templateOf("/api/v1/customers/search"));
        assertEquals(Optional.of("/api/v1/customers/{id}"), answers.templateOf("/api/v1/customers/c-1"));
        assertEquals(Optional.empty(), answers.templateOf("/api/v1/customers/c-1/contacts"));
        assertEquals(Optional.empty(), answers.templateOf("/api/v1/customers/"));
    }

    @Test
    void answersTheDocumentDoesNotListAreNamedOnceByOperation() {
        DocumentedAnswers.Result r = answers.check(List.of(
                new Http.Exchange("POST", "/api/v1/customers", 201),
                new Http.Exchange("POST", "/api/v1/customers", 200),
                new Http.Exchange("POST", "/api/v1/customers", 200),
                new Http.Exchange("GET", "/api/v1/customers/c-1?fields=all", 409),
                new Http.Exchange("GET", "/api/v1/customers/search?q=x", 200),
                new Http.Exchange("DELETE", "/api/v1/customers/c-1", 204),
                new Http.Exchange("GET", "/openapi", 200)));
        assertEquals(List.of("POST /api/v1/customers -> 200"), r.undocumentedSuccesses());
        assertEquals(List.of("GET /api/v1/customers/{id} -> 409"), r.undocumentedOthers());
        assertEquals(List.of("DELETE /api/v1/customers/c-1 -> 204", "GET /openapi -> 200"), r.unmatched());
        assertEquals(Map.of("POST /api/v1/customers", 3, "GET /api/v1/customers/{id}", 1,
                "GET /api/v1/customers/search", 1), r.byOperation());
    }
}
