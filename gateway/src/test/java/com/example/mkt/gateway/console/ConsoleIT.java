package com.example.mkt.gateway.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.example.mkt.gateway.support.GatewayTestResource;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.testinfra.KafkaTestClient;
import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.TestEvents;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * The console as the gateway serves it: its pages and ECharts with their security and caching headers, the sign-in
 * settings, and a dev sign-in whose token the gateway itself then accepts.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewayTestResource.class)
class ConsoleIT {

    static final String BRANCH = "B-CONSOLE-" + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();

    @Inject
    OrgDirectory directory;

    @BeforeEach
    void unit() {
        if (!directory.exists(BRANCH)) {
            try (KafkaTestClient kafka = new KafkaTestClient()) {
                TestEvents.publishOrgUnits(kafka, new TestEvents.OrgUnit(BRANCH, "南昌控制台分公司", "BRANCH", null));
            }
            TestEvents.await("the unit replicated", () -> directory.exists(BRANCH));
        }
    }

    @Test
    void pagesComeWithTheirPolicyAndRevalidate() {
        String echarts = echartsVersion();
        given().when().get("/console/").then().statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Security-Policy", equalTo(ConsoleHeaders.POLICY))
                .header("Cache-Control", equalTo("no-cache")).header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY").header("Referrer-Policy", "no-referrer")
                .body(containsString("/webjars/echarts/" + echarts + "/dist/echarts.min.js"))
                .body(containsString("<script type=\"module\" src=\"js/app.js\">"));
        given().when().get("/console/js/app.js").then().statusCode(200).contentType(containsString("javascript"))
                .header("Content-Security-Policy", equalTo(ConsoleHeaders.POLICY))
                .header("Cache-Control", equalTo("no-cache"));
        given().when().get("/console/css/console.css").then().statusCode(200).contentType(startsWith("text/css"));
        given().when().get("/webjars/echarts/" + echarts + "/dist/echarts.min.js").then().statusCode(200)
                .contentType(containsString("javascript"))
                .header("Cache-Control", equalTo("public, max-age=31536000, immutable"));
        given().when().get("/console/no-such-file.js").then().statusCode(404);
    }

    /** The version of the ECharts webjar on the class path, as its own pom.properties says. */
    static String echartsVersion() {
        java.util.Properties pom = new java.util.Properties();
        try (var in = ConsoleIT.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.webjars.npm/echarts/pom.properties")) {
            pom.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return pom.getProperty("version");
    }

    @Test
    void theLocalPlatformOffersADevSignInWhoseTokenTheApiTakes() throws Exception {
        given().when().get("/console/settings").then().statusCode(200).header("Cache-Control", "no-store")
                .body("devSignIn", equalTo(true)).body("roles", hasItems("gm", "manager", "analyst"))
                .body("oidc", nullValue());
        String body = given().contentType(ContentType.JSON)
                .body(Map.of("role", "manager", "orgUnit", BRANCH, "staffId", "s-console-1"))
                .when().post("/console/dev-sign-in").then().statusCode(200).header("Cache-Control", "no-store")
                .body("tokenType", equalTo("Bearer")).body("role", equalTo("manager"))
                .body("orgUnit", equalTo(BRANCH)).body("staffId", equalTo("s-console-1"))
                .extract().asString();
        JsonNode answer = new ObjectMapper().readTree(body);
        String token = answer.path("accessToken").asText();
        JsonNode claims = new ObjectMapper().readTree(new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]),
                StandardCharsets.UTF_8));
        assertEquals(List.of("manager"), List.of(claims.path("groups").get(0).asText()));
        assertEquals(BRANCH, claims.path("org").asText());
        assertEquals("s-console-1", claims.path("sub").asText());
        long hours = (claims.path("exp").asLong() - Instant.now().getEpochSecond()) / 3600;
        assertTrue(hours >= 11 && hours <= 12, "valid for gateway.console.token-validity (12h): " + hours);
        // the gateway authenticates it like any person's token
        given().header("Authorization", "Bearer " + token).when().get("/api/v1/customers/c-1").then()
                .statusCode(200).header("X-Backend", "stub");
    }

    @Test
    void aWrongRoleOrUnitIsAProblemNamingTheField() {
        given().contentType(ContentType.JSON).body(Map.of("role", "integration", "orgUnit", "NO-SUCH-UNIT"))
                .when().post("/console/dev-sign-in").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems("role", "orgUnit"));
        given().contentType(ContentType.JSON).body(Map.of("role", "gm", "orgUnit", BRANCH, "staffId", "<script>"))
                .when().post("/console/dev-sign-in").then().statusCode(400)
                .contentType("application/problem+json").body("errors.field", hasItems("staffId"));
        given().contentType(ContentType.JSON).body("{")
                .when().post("/console/dev-sign-in").then().statusCode(400)
                .contentType("application/problem+json");
    }
}
