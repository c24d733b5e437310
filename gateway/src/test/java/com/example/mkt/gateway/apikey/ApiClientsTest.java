package com.example.mkt.gateway.apikey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.example.mkt.gateway.config.GatewayConfig;

/** Keys are known only by their SHA-256; a configuration that could not work fails at startup. */
class ApiClientsTest {

    @Test
    void aKeyFindsItsClientByItsHash() {
        ApiClients clients = new ApiClients(config(Map.of("pos", ApiClients.sha256("s3cret-key").toUpperCase())));
        assertEquals(Optional.of("pos"), clients.clientFor("s3cret-key"));
        assertEquals(Optional.empty(), clients.clientFor("s3cret-kez"));
        assertEquals(Optional.empty(), clients.clientFor(""));
        assertEquals(Optional.empty(), clients.clientFor(null));
        assertEquals(Optional.empty(), clients.clientFor(ApiClients.sha256("s3cret-key")), "the hash is not a key");
    }

    @Test
    void theHashIsHexSha256() {
        assertEquals("2bb80d537b1da3e38bd30361aa855686bde0eacd7162fef6a25fe97bf527a25b", ApiClients.sha256("secret"));
    }

    @Test
    void malformedOrSharedHashesAreRefused() {
        assertThrows(IllegalStateException.class, () -> new ApiClients(config(Map.of("pos", "s3cret-key"))));
        String hash = ApiClients.sha256("k");
        assertThrows(IllegalStateException.class, () -> new ApiClients(config(Map.of("a", hash, "b", hash))));
    }

    private static GatewayConfig config(Map<String, String> hashes) {
        Map<String, GatewayConfig.ApiClient> clients = new java.util.HashMap<>();
        hashes.forEach((name, hash) -> clients.put(name, proxy(GatewayConfig.ApiClient.class,
                Map.of("keyHash", hash, "rateLimit", Optional.empty()))));
        return proxy(GatewayConfig.class, Map.of("clients", clients));
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Map<String, Object> values) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] { type }, (p, method, args) -> {
            if (!values.containsKey(method.getName())) {
                throw new UnsupportedOperationException(method.getName());
            }
            return values.get(method.getName());
        });
    }
}
