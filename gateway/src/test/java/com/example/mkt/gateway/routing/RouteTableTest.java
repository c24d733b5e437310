package com.example.mkt.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RouteTableTest {

    private final RouteTable table = new RouteTable(Map.of(
            "customer-service", List.of("customers", "complaints", "credit-change-requests"),
            "kpi-service", List.of("kpis", "kpi-alerts")), Set.of("sales-events"));

    @Test
    void theFirstSegmentNamesTheOwner() {
        assertEquals(Optional.of("customer-service"), table.backendFor("/api/v1/customers"));
        assertEquals(Optional.of("customer-service"), table.backendFor("/api/v1/customers/c-1/contacts"));
        assertEquals(Optional.of("customer-service"), table.backendFor("/api/v1/credit-change-requests/r-1"));
        assertEquals(Optional.of("kpi-service"), table.backendFor("/api/v1/kpi-alerts"));
        assertEquals(Optional.of("kpi-service"), table.backendFor("/api/v1/kpis/"));
    }

    @Test
    void nothingElseMatches() {
        assertEquals(Optional.empty(), table.backendFor("/api/v1/customersx"));
        assertEquals(Optional.empty(), table.backendFor("/api/v1/kpi"));
        assertEquals(Optional.empty(), table.backendFor("/api/v1/"));
        assertEquals(Optional.empty(), table.backendFor("/api/v2/customers"));
        assertEquals(Optional.empty(), table.backendFor("/customers"));
        assertEquals(Optional.empty(), table.backendFor("/api/v1/sales-events"));
    }

    @Test
    void metricsNameTheRouteNeverTheIdsBelowIt() {
        assertEquals("/api/v1/customers", table.metricTemplate("/api/v1/customers"));
        assertEquals("/api/v1/customers/**", table.metricTemplate("/api/v1/customers/C-0042/contacts"));
        assertEquals("/api/v1/kpis/**", table.metricTemplate("/api/v1/kpis/SALES_AMOUNT/subtree"));
        assertEquals("/api/v1/sales-events", table.metricTemplate("/api/v1/sales-events"));
        assertEquals("/api/v1/{unrouted}", table.metricTemplate("/api/v1/no-such-thing/12345"));
        assertEquals("/api/v1/{unrouted}", table.metricTemplate("/api/v1/"));
    }

    @Test
    void theGatewaysOwnResourcesAreLocal() {
        assertTrue(table.isLocal("/api/v1/sales-events"));
        assertTrue(!table.isLocal("/api/v1/customers"));
    }

    @Test
    void aResourceHasOneOwner() {
        assertThrows(IllegalArgumentException.class, () -> new RouteTable(Map.of("a", List.of("x"), "b", List.of("x")),
                Set.of()));
        assertThrows(IllegalArgumentException.class, () -> new RouteTable(Map.of("a", List.of("sales-events")),
                Set.of("sales-events")));
        assertThrows(IllegalArgumentException.class, () -> new RouteTable(Map.of("a", List.of("x/y")), Set.of()));
    }
}
