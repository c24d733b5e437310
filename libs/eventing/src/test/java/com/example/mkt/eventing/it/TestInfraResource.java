package com.example.mkt.eventing.it;

import com.example.mkt.testinfra.PlatformTestResource;

import io.quarkus.test.common.QuarkusTestResource;

/** Every test of this module runs against the build's real PostgreSQL and Kafka. */
@QuarkusTestResource(PlatformTestResource.class)
public class TestInfraResource {
}
