package com.example.mkt.gateway.routing;

import java.util.Optional;

/**
 * A backend builds its links (a create's {@code Location}) on the address the gateway called it at, which callers
 * cannot reach (and which would let them bypass the gateway if they could): such links are rewritten onto the
 * address the caller used, i.e. {@code gateway.public-url} when set, else the request's own scheme and host
 * (X-Forwarded-Proto and -Host count only from trusted proxies, as Quarkus' proxy settings say). Links elsewhere and
 * relative links pass unchanged.
 */
final class PublicLinks {

    private PublicLinks() {
    }

    /**
     * @param link the backend's header value
     * @param backendBase the backend's base URL as configured, without trailing slash
     * @param publicBase where callers reach the gateway, without trailing slash; empty when unknown
     */
    static String rewrite(String link, String backendBase, Optional<String> publicBase) {
        if (link == null || publicBase.isEmpty() || !link.regionMatches(true, 0, backendBase, 0, backendBase.length())) {
            return link;
        }
        String rest = link.substring(backendBase.length());
        if (!rest.isEmpty() && rest.charAt(0) != '/' && rest.charAt(0) != '?') {
            return link; // http://host:80811 is not http://host:8081
        }
        return publicBase.get() + rest;
    }

    static String trimSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
