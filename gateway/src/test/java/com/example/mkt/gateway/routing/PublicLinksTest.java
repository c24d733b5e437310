package com.example.mkt.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;

import org.junit.jupiter.api.Test;

class PublicLinksTest {

    private static final String BACKEND = "http://campaign-service:8082";
    private static final Optional<String> PUBLIC = Optional.of("https://api.example.com");

    @Test
    void aBackendsOwnLinkMovesBehindTheFrontDoor() {
        assertEquals("https://api.example.com/api/v1/campaigns/c-1",
                PublicLinks.rewrite("http://campaign-service:8082/api/v1/campaigns/c-1", BACKEND, PUBLIC));
        assertEquals("https://api.example.com/api/v1/campaigns?cursor=x",
                PublicLinks.rewrite("http://CAMPAIGN-SERVICE:8082/api/v1/campaigns?cursor=x", BACKEND, PUBLIC));
    }

    @Test
    void otherLinksPassUnchanged() {
        assertEquals("/api/v1/campaigns/c-1", PublicLinks.rewrite("/api/v1/campaigns/c-1", BACKEND, PUBLIC));
        assertEquals("https://elsewhere.example.com/x",
                PublicLinks.rewrite("https://elsewhere.example.com/x", BACKEND, PUBLIC));
        assertEquals("http://campaign-service:80821/x", PublicLinks.rewrite("http://campaign-service:80821/x",
                BACKEND, PUBLIC));
        assertEquals("http://campaign-service:8082/x", PublicLinks.rewrite("http://campaign-service:8082/x", BACKEND,
                Optional.empty()));
    }
}
