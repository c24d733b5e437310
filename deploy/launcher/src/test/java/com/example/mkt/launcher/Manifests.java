package com.example.mkt.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.yaml.snakeyaml.Yaml;

/** deploy/k8s's overlays as kubectl would render them ({@link Kustomize}), and lookups over the result. */
final class Manifests {

    static final Path K8S = Path.of("..", "k8s");
    static final List<String> OVERLAYS = List.of("dev", "prod");
    private static final Map<String, List<Map<String, Object>>> RENDERED = new ConcurrentHashMap<>();

    private Manifests() {
    }

    /** A fresh copy of the overlay's objects. */
    static List<Map<String, Object>> render(String overlay) {
        return Kustomize.deepCopy(RENDERED.computeIfAbsent(overlay,
                o -> Kustomize.render(K8S.resolve("overlays").resolve(o))));
    }

    static List<Map<String, Object>> ofKind(List<Map<String, Object>> docs, String kind) {
        return docs.stream().filter(d -> kind.equals(d.get("kind"))).toList();
    }

    static Map<String, Object> find(List<Map<String, Object>> docs, String kind, String name) {
        Map<String, Object> found = findOrNull(docs, kind, name);
        return found != null ? found : fail("no " + kind + " " + name);
    }

    static Map<String, Object> findOrNull(List<Map<String, Object>> docs, String kind, String name) {
        return docs.stream().filter(d -> kind.equals(d.get("kind")) && name.equals(Kustomize.name(d))).findFirst()
                .orElse(null);
    }

    static Map<String, Object> container(Map<String, Object> deployment) {
        return TreeWalk.at(deployment, "spec", "template", "spec", "containers", 0);
    }

    /** The container's env entries by name. */
    static Map<String, Map<String, Object>> env(Map<String, Object> deployment) {
        List<Map<String, Object>> entries = TreeWalk.at(container(deployment), "env");
        Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
        entries.forEach(e -> byName.put((String) e.get("name"), e));
        return byName;
    }

    /** The overlay's external-secrets.yaml: secret name to the keys the environment provides. */
    @SuppressWarnings("unchecked")
    static Map<String, List<String>> externalSecrets(String overlay) {
        try {
            List<Map<String, Object>> entries = new Yaml().load(Files.readString(
                    K8S.resolve("overlays").resolve(overlay).resolve("external-secrets.yaml")));
            Map<String, List<String>> byName = new LinkedHashMap<>();
            entries.forEach(e -> byName.put((String) e.get("name"), (List<String>) e.get("keys")));
            return byName;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T fail(String message) {
        throw new AssertionError(message);
    }
}
