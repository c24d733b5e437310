package com.example.mkt.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.yaml.snakeyaml.Yaml;

/**
 * Renders a kustomization as {@code kubectl kustomize} would, for the small part of kustomize that deploy/k8s uses
 * (no kubectl on the build machines). A construct outside this subset fails the rendering, so the manifests cannot
 * drift into something the tests do not understand:
 * <ul>
 * <li>{@code resources}: YAML files (several documents each) and directories holding a kustomization;</li>
 * <li>{@code components}: directories with a {@code kind: Component} kustomization (its resources and patches);</li>
 * <li>{@code patches}: one strategic-merge patch per entry, from {@code path} or inline {@code patch}, applied
 * to the resource of the patch's kind and name, or with {@code target} ({@code kind}, optional {@code name} and {@code labelSelector}
 * of {@code k=v} terms) to every match, the patch's own name then ignored. Merging: maps key by key, {@code null}
 * deletes a key, lists replaced except the merge-keyed lists of the built-in kinds (containers and volumes by
 * {@code name}, env by {@code name}, volumeMounts by {@code mountPath}, container ports by {@code containerPort});
 * custom resources' lists are replaced whole, as kustomize does without their schema. JSON 6902 patches and
 * {@code $patch} directives are not in the subset;</li>
 * <li>{@code namespace}: set on every namespaced object;</li>
 * <li>{@code images}: {@code name} to {@code newName}, with {@code newTag} or {@code digest}, in pod templates.</li>
 * </ul>
 * Order as in kustomize: resources, components, patches, namespace, images.
 */
final class Kustomize {

    private static final Set<String> KNOWN_FIELDS = Set.of("apiVersion", "kind", "namespace", "resources",
            "components", "patches", "images");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass");
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "env", "name", "volumes", "name", "volumeMounts", "mountPath", "ports", "containerPort");

    private Kustomize() {
    }

    /** The objects {@code kubectl kustomize dir} prints, in resource order. */
    static List<Map<String, Object>> render(Path dir) {
        return build(dir, "Kustomization", new ArrayList<>());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> build(Path dir, String expectedKind, List<Map<String, Object>> into) {
        Map<String, Object> k = (Map<String, Object>) load(dir.resolve("kustomization.yaml")).get(0);
        if (!expectedKind.equals(k.get("kind"))) {
            throw new IllegalStateException(dir + ": a " + expectedKind + " expected, found " + k.get("kind"));
        }
        Set<String> unknown = new HashSet<>(k.keySet());
        unknown.removeAll(KNOWN_FIELDS);
        if (!unknown.isEmpty()) {
            throw new IllegalStateException(dir + ": outside the kustomize subset of Kustomize.java: " + unknown);
        }
        for (String resource : (List<String>) k.getOrDefault("resources", List.of())) {
            Path path = dir.resolve(resource).normalize();
            if (Files.isDirectory(path)) {
                into.addAll(render(path));
            } else {
                load(path).forEach(doc -> into.add((Map<String, Object>) doc));
            }
        }
        for (String component : (List<String>) k.getOrDefault("components", List.of())) {
            build(dir.resolve(component).normalize(), "Component", into);
        }
        for (Map<String, Object> patch : (List<Map<String, Object>>) k.getOrDefault("patches", List.of())) {
            applyPatch(dir, patch, into);
        }
        String namespace = (String) k.get("namespace");
        if (namespace != null) {
            into.stream().filter(o -> !CLUSTER_SCOPED.contains(o.get("kind")))
                    .forEach(o -> metadata(o).put("namespace", namespace));
        }
        for (Map<String, Object> image : (List<Map<String, Object>>) k.getOrDefault("images", List.of())) {
            into.forEach(o -> setImage(o, image));
        }
        checkUnique(dir, into);
        return into;
    }

    @SuppressWarnings("unchecked")
    private static void applyPatch(Path dir, Map<String, Object> spec, List<Map<String, Object>> objects) {
        List<Object> documents = spec.containsKey("path") ? load(dir.resolve((String) spec.get("path")))
                : loadAll((String) spec.get("patch"));
        if (documents.size() != 1) {
            // kustomize's patches field takes one patch per entry (patchesStrategicMerge, deprecated, took several)
            throw new IllegalStateException(dir + ": one patch per entry: " + spec);
        }
        Map<String, Object> target = (Map<String, Object>) spec.get("target");
        for (Object document : documents) {
            if (!(document instanceof Map)) {
                throw new IllegalStateException(dir + ": only strategic-merge patches are in the subset: " + spec);
            }
            Map<String, Object> patch = (Map<String, Object>) document;
            List<Map<String, Object>> matches = objects.stream().filter(o -> target != null ? matches(o, target)
                    : o.get("kind").equals(patch.get("kind")) && name(o).equals(name(patch))).toList();
            if (matches.isEmpty()) {
                throw new IllegalStateException(dir + ": patch matches nothing: " + (target != null ? target
                        : patch.get("kind") + "/" + name(patch)));
            }
            for (Map<String, Object> match : matches) {
                Map<String, Object> body = deepCopy(patch);
                if (target != null) {
                    ((Map<String, Object>) body.get("metadata")).remove("name");
                }
                merge(match, body, builtIn(match));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Map<String, Object> object, Map<String, Object> target) {
        if (target.containsKey("kind") && !target.get("kind").equals(object.get("kind"))) {
            return false;
        }
        if (target.containsKey("name") && !target.get("name").equals(name(object))) {
            return false;
        }
        String selector = (String) target.get("labelSelector");
        if (selector != null) {
            Map<String, Object> labels = (Map<String, Object>) metadata(object).getOrDefault("labels", Map.of());
            for (String term : selector.split(",")) {
                String[] kv = term.split("=", 2);
                if (!kv[1].trim().equals(labels.get(kv[0].trim()))) {
                    return false;
                }
            }
        }
        Set<String> unknown = new HashSet<>(target.keySet());
        unknown.removeAll(Set.of("kind", "name", "labelSelector"));
        if (!unknown.isEmpty()) {
            throw new IllegalStateException("target fields outside the subset: " + unknown);
        }
        return true;
    }

    /** Built-in kinds (core and apps groups and the like) merge their keyed lists; custom resources do not. */
    private static boolean builtIn(Map<String, Object> object) {
        String apiVersion = (String) object.get("apiVersion");
        return !apiVersion.contains(".") || apiVersion.contains(".k8s.io/");
    }

    @SuppressWarnings("unchecked")
    static void merge(Map<String, Object> into, Map<String, Object> patch, boolean keyedLists) {
        for (Map.Entry<String, Object> e : patch.entrySet()) {
            Object current = into.get(e.getKey());
            Object value = e.getValue();
            if (value == null) {
                into.remove(e.getKey());
            } else if (current instanceof Map && value instanceof Map) {
                merge((Map<String, Object>) current, (Map<String, Object>) value, keyedLists);
            } else if (current instanceof List && value instanceof List && keyedLists
                    && MERGE_KEYS.containsKey(e.getKey())) {
                mergeList((List<Object>) current, (List<Object>) value, MERGE_KEYS.get(e.getKey()));
            } else {
                into.put(e.getKey(), deepCopy(value));
            }
        }
    }

    /** As kustomize orders a merged keyed list: the patch's items first (merged into their originals), then the rest. */
    @SuppressWarnings("unchecked")
    private static void mergeList(List<Object> into, List<Object> patch, String key) {
        List<Object> merged = new ArrayList<>();
        for (Object item : patch) {
            Map<String, Object> p = (Map<String, Object>) item;
            Map<String, Object> existing = (Map<String, Object>) into.stream()
                    .filter(i -> p.get(key).equals(((Map<String, Object>) i).get(key))).findFirst().orElse(null);
            if (existing != null) {
                merge(existing, p, true);
                into.remove(existing);
                merged.add(existing);
            } else {
                merged.add(deepCopy(p));
            }
        }
        merged.addAll(into);
        into.clear();
        into.addAll(merged);
    }

    @SuppressWarnings("unchecked")
    private static void setImage(Map<String, Object> object, Map<String, Object> image) {
        Map<String, Object> podSpec = TreeWalk.at(object, "spec", "template", "spec");
        if (podSpec == null) {
            return;
        }
        for (String list : List.of("initContainers", "containers")) {
            for (Map<String, Object> c : (List<Map<String, Object>>) podSpec.getOrDefault(list, List.of())) {
                String ref = (String) c.get("image");
                int cut = ref.contains("@") ? ref.indexOf('@') : ref.lastIndexOf(':') > ref.lastIndexOf('/')
                        ? ref.lastIndexOf(':') : ref.length();
                if (!ref.substring(0, cut).equals(image.get("name"))) {
                    continue;
                }
                String name = (String) image.getOrDefault("newName", image.get("name"));
                String suffix = image.containsKey("digest") ? "@" + image.get("digest")
                        : image.containsKey("newTag") ? ":" + image.get("newTag") : ref.substring(cut);
                c.put("image", name + suffix);
            }
        }
    }

    private static void checkUnique(Path dir, List<Map<String, Object>> objects) {
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> o : objects) {
            String id = o.get("kind") + "/" + metadata(o).get("namespace") + "/" + name(o);
            if (!seen.add(id)) {
                throw new IllegalStateException(dir + ": " + id + " twice");
            }
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> metadata(Map<String, Object> object) {
        return (Map<String, Object>) object.get("metadata");
    }

    static String name(Map<String, Object> object) {
        return (String) metadata(object).get("name");
    }

    @SuppressWarnings("unchecked")
    static <T> T deepCopy(T value) {
        if (value instanceof Map<?, ?> m) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            m.forEach((k, v) -> copy.put(k, deepCopy(v)));
            return (T) copy;
        }
        if (value instanceof List<?> l) {
            List<Object> copy = new ArrayList<>();
            l.forEach(v -> copy.add(deepCopy(v)));
            return (T) copy;
        }
        return value;
    }

    private static List<Object> load(Path file) {
        try {
            return loadAll(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Object> loadAll(String yaml) {
        List<Object> docs = new ArrayList<>();
        new Yaml().loadAll(yaml).forEach(d -> {
            if (d != null) {
                docs.add(d);
            }
        });
        return docs;
    }
}
