package com.example.mkt.campaign.it;

import org.junit.jupiter.api.Test;

import com.example.mkt.testinfra.HostileBodies;
import com.example.mkt.testinfra.PlatformTestResource;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Every list field of every write endpoint this service documents refuses 100,000 elements with a small 400. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class HostileBodiesIT {

    @Test
    void everyListInEveryRequestBodyIsBounded() throws Exception {
        HostileBodies.assertEveryListIsBounded("HQ");
    }
}
