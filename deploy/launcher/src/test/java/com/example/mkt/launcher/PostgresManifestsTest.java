package com.example.mkt.launcher;

import static com.example.mkt.launcher.Manifests.env;
import static com.example.mkt.launcher.Manifests.find;
import static com.example.mkt.launcher.Manifests.ofKind;
import static com.example.mkt.launcher.TreeWalk.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CloudNativePG resources against the services: one cluster, one role and one database (owned by the role,
 * so Flyway can migrate it) per service, each service's datasource pointed at its own database as its own role.
 */
class PostgresManifestsTest {

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void everyServiceHasItsRoleAndDatabaseAndUsesThem(String overlay) {
        List<Map<String, Object>> docs = Manifests.render(overlay);
        List<Map<String, Object>> clusters = ofKind(docs, "Cluster");
        assertEquals(1, clusters.size());
        Map<String, Object> cluster = clusters.get(0);
        assertEquals(overlay.equals("prod") ? 3 : 1, (Integer) at(cluster, "spec", "instances"));
        List<Map<String, Object>> roles = at(cluster, "spec", "managed", "roles");
        Set<String> wantedRoles = ServiceSpec.ALL.stream().map(ServiceSpec::role).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(wantedRoles, roles.stream().map(r -> (String) r.get("name")).collect(Collectors.toCollection(TreeSet::new)));
        for (Map<String, Object> role : roles) {
            assertEquals(role.get("name") + "-db", at(role, "passwordSecret", "name"));
            assertEquals(Boolean.TRUE, role.get("login"));
            assertEquals(null, role.get("superuser"));
        }
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Map<String, Object> database = find(docs, "Database", spec.database());
            assertEquals(Kustomize.name(cluster), at(database, "spec", "cluster", "name"));
            assertEquals(spec.database(), at(database, "spec", "name"));
            assertEquals(spec.role(), at(database, "spec", "owner"));
            Map<String, Map<String, Object>> env = env(find(docs, "Deployment", spec.name()));
            assertEquals("jdbc:postgresql://" + Kustomize.name(cluster) + "-rw:5432/" + spec.database(),
                    at(env.get("QUARKUS_DATASOURCE_JDBC_URL"), "value"));
            assertEquals(spec.role() + "-db", at(env.get("QUARKUS_DATASOURCE_USERNAME"), "valueFrom", "secretKeyRef",
                    "name"), "the secret the role's password is set from");
        }
    }
}
