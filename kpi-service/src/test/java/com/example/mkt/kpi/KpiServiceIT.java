package com.example.mkt.kpi;

import com.example.mkt.testinfra.PlatformTestResource;
import com.example.mkt.testinfra.ServiceConventions;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** kpi-service starts against a real PostgreSQL and Kafka and serves what operations rely on. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class KpiServiceIT extends ServiceConventions {
}
