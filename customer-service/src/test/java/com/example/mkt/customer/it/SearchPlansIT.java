package com.example.mkt.customer.it;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import com.example.mkt.testinfra.PlatformTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Opt-in scale check (minutes, not part of the normal build): 1,000,000 customers and the plans of the
 * search shapes, printed for review. {@code ./mvnw -pl customer-service verify -Dperf.customer-search=true
 * -Dit.test=SearchPlansIT}.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@EnabledIfSystemProperty(named = "perf.customer-search", matches = "true")
class SearchPlansIT {

    @Inject
    DataSource dataSource;

    @Test
    void printPlansAtOneMillionCustomers() throws Exception {
        String script;
        try (InputStream in = getClass().getResourceAsStream("/perf/customer-search-1m.sql")) {
            script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            for (String sql : script.split(";\\s*\\n")) {
                String body = sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b)
                        .strip();
                if (body.isEmpty()) {
                    continue;
                }
                if (body.startsWith("EXPLAIN")) {
                    StringBuilder plan = new StringBuilder("\n=== ").append(body).append('\n');
                    try (ResultSet rs = st.executeQuery(body)) {
                        while (rs.next()) {
                            plan.append(rs.getString(1)).append('\n');
                        }
                    }
                    System.out.println(plan);
                } else {
                    st.execute(body);
                }
            }
            st.execute("DELETE FROM customer WHERE org_unit LIKE 'PERF-%'");
        }
    }
}
