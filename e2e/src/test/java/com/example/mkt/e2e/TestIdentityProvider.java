package com.example.mkt.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An OIDC provider as far as the console's sign-in uses one: an authorization endpoint that signs in the person the
 * test chose and sends the browser back with a code, and a token endpoint that exchanges the code only with the PKCE
 * verifier (S256) of the challenge it was issued for, answering with a token the platform trusts (minted by
 * {@code ./platform token}). It runs in the test JVM; the shared platform's gateway is configured with it.
 */
final class TestIdentityProvider implements AutoCloseable {

    static final String CLIENT_ID = "mkt-console";

    record Person(String role, String org, String subject) {
    }

    private record Grant(Person person, String challenge, String redirectUri) {
    }

    private final HttpServer server;
    private final Map<String, Grant> codes = new ConcurrentHashMap<>();
    private final AtomicInteger exchanged = new AtomicInteger();
    private volatile Person next;
    private volatile Supplier<LocalPlatform> platform;

    TestIdentityProvider() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/authorize", this::authorize);
        server.createContext("/token", this::token);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The gateway's settings for this provider, as the environment of the platform it starts with. */
    Map<String, String> gatewayEnvironment() {
        return Map.of("GATEWAY_CONSOLE_OIDC_AUTHORIZATION_ENDPOINT", url() + "/authorize",
                "GATEWAY_CONSOLE_OIDC_TOKEN_ENDPOINT", url() + "/token",
                "GATEWAY_CONSOLE_OIDC_CLIENT_ID", CLIENT_ID);
    }

    void mintingFor(Supplier<LocalPlatform> platform) {
        this.platform = platform;
    }

    /** Who signs in at the next authorization request. */
    void nextSignIn(String role, String org, String subject) {
        next = new Person(role, org, subject);
    }

    /** Codes exchanged for a token with the right verifier. */
    int exchanged() {
        return exchanged.get();
    }

    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> q = form(exchange.getRequestURI().getRawQuery());
        if (!CLIENT_ID.equals(q.get("client_id")) || !"S256".equals(q.get("code_challenge_method"))
                || q.get("code_challenge") == null || !"code".equals(q.get("response_type")) || next == null) {
            answer(exchange, 400, "{\"error\":\"invalid_request\"}", null);
            return;
        }
        String code = UUID.randomUUID().toString();
        codes.put(code, new Grant(next, q.get("code_challenge"), q.get("redirect_uri")));
        String back = q.get("redirect_uri") + "?code=" + code + "&state=" + URLEncoder.encode(q.get("state"),
                StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Location", back);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        String origin = exchange.getRequestHeaders().getFirst("Origin");
        Map<String, String> f = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Grant grant = codes.remove(String.valueOf(f.get("code")));
        boolean valid = grant != null && "authorization_code".equals(f.get("grant_type"))
                && CLIENT_ID.equals(f.get("client_id")) && grant.redirectUri().equals(f.get("redirect_uri"))
                && f.get("code_verifier") != null && grant.challenge().equals(s256(f.get("code_verifier")));
        if (!valid) {
            answer(exchange, 400, "{\"error\":\"invalid_grant\"}", origin);
            return;
        }
        exchanged.incrementAndGet();
        Person p = grant.person();
        String token = platform.get().token(p.role(), p.org(), p.subject());
        answer(exchange, 200, "{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":43200}",
                origin);
    }

    private static void answer(HttpExchange exchange, int status, String json, String origin) throws IOException {
        if (origin != null) {
            exchange.getResponseHeaders().set("Access-Control-Allow-Origin", origin);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    static String s256(String verifier) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest.getInstance("SHA-256")
                    .digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> form(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            out.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
