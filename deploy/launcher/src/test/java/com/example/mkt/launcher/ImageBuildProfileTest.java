package com.example.mkt.launcher;

import static com.example.mkt.launcher.TreeWalk.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.yaml.snakeyaml.Yaml;

/**
 * The parent pom's {@code images} profile (Quarkus' Jib extension) against what deploy/k8s and the Dockerfile
 * expect: image names {@code <registry>/mkt/<service>}, tagged with the project version, on the Dockerfile's base
 * image. The profile itself needs a registry (the base image is pulled, the result pushed), so the default build
 * checks its configuration here instead of running it; deploy/k8s/README.md says how ops run it.
 */
class ImageBuildProfileTest {

    private static final Path ROOT = Path.of("..", "..");

    @Test
    void theImagesProfileBuildsWhatTheOverlaysDeploy() throws Exception {
        Document pom = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(ROOT.resolve("pom.xml").toFile());
        String version = text(pom.getDocumentElement(), "version");
        Element profile = profile(pom, "images");
        Element properties = (Element) profile.getElementsByTagName("properties").item(0);
        assertEquals("true", text(properties, "quarkus.container-image.build"));
        assertEquals("mkt", text(properties, "quarkus.container-image.group"));
        assertEquals("${project.version}", text(properties, "quarkus.container-image.tag"));
        assertEquals("${images.registry}", text(properties, "quarkus.container-image.registry"));
        String registry = text(properties, "images.registry");

        Element dependency = (Element) profile.getElementsByTagName("dependency").item(0);
        assertEquals("quarkus-container-image-jib", text(dependency, "artifactId"));
        assertNull(text(dependency, "version"), "the Quarkus BOM manages the version");

        // one base image for both recipes
        String from = Files.readAllLines(ROOT.resolve("deploy/docker/Dockerfile.jvm")).stream()
                .filter(l -> l.startsWith("FROM ")).findFirst().orElseThrow().substring(5).trim();
        assertEquals(from, text(properties, "quarkus.jib.base-jvm-image"));

        // the overlays deploy the images the profile names: <registry>/mkt/<quarkus.application.name>
        for (String overlay : Manifests.OVERLAYS) {
            Map<String, Object> kustomization = new Yaml().load(Files.readString(
                    Manifests.K8S.resolve("overlays").resolve(overlay).resolve("kustomization.yaml")));
            List<Map<String, Object>> images = at(kustomization, "images");
            for (ServiceSpec spec : ServiceSpec.ALL) {
                Map<String, Object> image = images.stream().filter(i -> ("mkt/" + spec.name()).equals(i.get("name")))
                        .findFirst().orElseThrow(() -> new AssertionError(overlay + ": no image for " + spec.name()));
                assertEquals(registry + "/mkt/" + spec.name(), image.get("newName"));
                assertTrue(Files.readString(ROOT.resolve(spec.name()).resolve("src/main/resources/application.properties"))
                        .contains("quarkus.application.name=" + spec.name() + "\n"), spec.name());
                if (overlay.equals("dev")) {
                    assertEquals(version, image.get("newTag"), "dev runs the images of this version");
                } else {
                    assertNotNull(image.get("digest"), "prod pins digests");
                }
            }
        }
    }

    /** The Dockerfile's context is the repository root: nothing but the built applications may reach it. */
    @Test
    void theDockerBuildContextHoldsOnlyTheBuiltApplications() throws IOException {
        List<String> rules = Files.readAllLines(ROOT.resolve(".dockerignore")).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#")).toList();
        assertEquals("*", rules.get(0), "everything is left out first");
        assertEquals(List.of("!*/target/quarkus-app/"), rules.stream().filter(r -> r.startsWith("!")).toList());
        // the last matching rule wins: .platform/ (keys, passwords) is left out after any re-inclusion
        assertEquals(List.of(".platform", "**/.platform"), rules.subList(rules.size() - 2, rules.size()));
    }

    private static Element profile(Document pom, String id) {
        NodeList profiles = pom.getElementsByTagName("profile");
        for (int i = 0; i < profiles.getLength(); i++) {
            Element p = (Element) profiles.item(i);
            if (id.equals(text(p, "id"))) {
                return p;
            }
        }
        throw new AssertionError("no profile " + id);
    }

    /** The text of a direct child element, or null. */
    private static String text(Element parent, String child) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(child)) {
                return e.getTextContent().trim();
            }
        }
        return null;
    }
}
