package com.example.mkt.gateway.apikey;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** The key an API client presented in {@code X-Api-Key}. */
public class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {

    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
