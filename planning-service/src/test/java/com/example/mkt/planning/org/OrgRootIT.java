package com.example.mkt.planning.org;

import static com.example.mkt.planning.it.Api.GM;
import static com.example.mkt.planning.it.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.example.mkt.planning.it.OutboxEvents;
import com.example.mkt.testinfra.PlatformTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A fresh platform starts with its head office: the service created the configured root (HQ / 总部) on its first
 * start against the build's fresh database, published it like any unit, and a second start or a second replica
 * starting at the same moment creates no other.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class OrgRootIT {

    private static final String BASE = "/api/v1/org-units";

    @Inject
    OrgRoot root;
    @Inject
    DataSource dataSource;

    @Test
    void theRootExistsFromTheFirstStartAndWasPublished() {
        as(GM).get(BASE + "/HQ").then().statusCode(200).body("code", equalTo("HQ")).body("name", equalTo("总部"))
                .body("kind", equalTo("HQ")).body("parent", nullValue()).body("active", equalTo(true));
        List<OutboxEvents.Row> events = OutboxEvents.forKey(dataSource, "HQ");
        assertEquals("org-unit.created", events.get(0).type());
        events.get(0).assertSchemaValid();
        assertEquals("总部", events.get(0).data().get("name").asText());
    }

    @Test
    void restartsAndReplicasStartingTogetherMakeOneRoot() throws Exception {
        ExecutorService replicas = Executors.newFixedThreadPool(2);
        try {
            Callable<Boolean> start = root::ensure;
            List<Future<Boolean>> started = replicas.invokeAll(List.of(start, start));
            for (Future<Boolean> f : started) {
                assertFalse(f.get(), "the root exists: no start creates another");
            }
        } finally {
            replicas.shutdownNow();
        }
        assertFalse(root.ensure(), "a restart creates nothing");
        assertEquals(1, count("SELECT count(*) FROM org_unit WHERE kind = 'HQ'"));
        assertEquals(1, OutboxEvents.forKey(dataSource, "HQ").stream()
                .filter(e -> "org-unit.created".equals(e.type())).count(), "published once");
    }

    @Test
    void aSecondRootStaysRefused() {
        as(GM).body(Map.of("code", "HQ-ROOT-2", "name", "第二总部", "kind", "HQ")).post(BASE).then().statusCode(422)
                .body("errors[0].field", equalTo("kind"));
        as(GM).body(Map.of("code", "HQ", "name", "总部", "kind", "HQ")).post(BASE).then().statusCode(409);
    }

    private long count(String sql) throws Exception {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
