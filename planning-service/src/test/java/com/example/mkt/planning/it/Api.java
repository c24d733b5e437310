package com.example.mkt.planning.it;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.example.mkt.testinfra.TestTokens;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** Seeds the tree and staff through the API, as the platform is seeded, and mints tokens. */
public final class Api {

    public static final String GM = TestTokens.bearer("gm", "HQ");

    private Api() {
    }

    public static RequestSpecification as(String bearer) {
        return given().header("Authorization", bearer).contentType(ContentType.JSON);
    }

    /** A token for staff member {@code staffId} with {@code role} in {@code org}. */
    public static String person(String role, String org, String staffId) {
        return "Bearer " + TestTokens.token(role, org, staffId, Duration.ofHours(1));
    }

    /** Creates the unit unless it exists (test classes share one database and the tree has one HQ). */
    public static void unit(String code, String name, String kind, String parent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("name", name);
        body.put("kind", kind);
        body.put("parent", parent);
        Response r = as(GM).body(body).post("/api/v1/org-units");
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new AssertionError("cannot create " + code + ": " + r.statusCode() + " " + r.asString());
        }
    }

    public static void hq() {
        unit("HQ", "总部", "HQ", null);
    }

    public static void staff(String id, String name, String org, String onDutyFrom, String... roles) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("login", id + "@mkt");
        body.put("orgUnit", org);
        body.put("roles", List.of(roles));
        body.put("onDutyFrom", onDutyFrom);
        Response r = as(GM).body(body).post("/api/v1/staff");
        if (r.statusCode() != 201 && r.statusCode() != 409) {
            throw new AssertionError("cannot create staff " + id + ": " + r.statusCode() + " " + r.asString());
        }
    }

    public static String etag(String path, String bearer) {
        return as(bearer).get(path).then().statusCode(200).extract().header("ETag");
    }
}
