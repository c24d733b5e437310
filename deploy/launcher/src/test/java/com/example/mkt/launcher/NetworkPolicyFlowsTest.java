package com.example.mkt.launcher;

import static com.example.mkt.launcher.Manifests.find;
import static com.example.mkt.launcher.Manifests.ofKind;
import static com.example.mkt.launcher.TreeWalk.at;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The NetworkPolicies evaluated as a cluster's network plugin would, over pods labelled as the operators and the
 * usual add-ons label theirs: the flows of docs/architecture.md pass, and the ones nobody needs do not. A flow
 * passes when the source's egress and the destination's ingress both allow it (a pod no policy selects for a
 * direction is open in it). Peers are matched on matchLabels, namespace selectors on the namespace's
 * {@code kubernetes.io/metadata.name} label, ipBlocks on an address; ports by number.
 */
class NetworkPolicyFlowsTest {

    /** A pod (namespace, labels) or an address outside the cluster (namespace null). */
    record Peer(String name, String namespace, Map<String, String> labels, String address) {
        static Peer pod(String name, String namespace, Map<String, String> labels) {
            return new Peer(name, namespace, labels, null);
        }

        static Peer outside(String name, String address) {
            return new Peer(name, null, Map.of(), address);
        }
    }

    private static final Peer INGRESS = Peer.pod("ingress-nginx", "ingress-nginx",
            Map.of("app.kubernetes.io/name", "ingress-nginx"));
    private static final Peer PROMETHEUS = Peer.pod("prometheus", "monitoring", Map.of("app", "prometheus"));
    private static final Peer DNS = Peer.pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"));
    private static final Peer BROKER = Peer.pod("kafka broker", "mkt", Map.of("strimzi.io/cluster", "mkt",
            "strimzi.io/kind", "Kafka", "strimzi.io/name", "mkt-kafka", "strimzi.io/broker-role", "true"));
    private static final Peer CONTROLLER = Peer.pod("kafka controller", "mkt", Map.of("strimzi.io/cluster", "mkt",
            "strimzi.io/kind", "Kafka", "strimzi.io/name", "mkt-kafka", "strimzi.io/controller-role", "true"));
    private static final Peer ENTITY_OPERATOR = Peer.pod("entity operator", "mkt", Map.of("strimzi.io/cluster",
            "mkt", "strimzi.io/kind", "Kafka", "strimzi.io/name", "mkt-entity-operator"));
    private static final Peer STRIMZI = Peer.pod("strimzi operator", "strimzi",
            Map.of("name", "strimzi-cluster-operator"));
    private static final Peer POSTGRES = Peer.pod("postgres", "mkt", Map.of("cnpg.io/cluster", "mkt-db",
            "cnpg.io/instanceRole", "primary"));
    private static final Peer CNPG = Peer.pod("cnpg operator", "cnpg-system",
            Map.of("app.kubernetes.io/name", "cloudnative-pg"));
    private static final Peer KUBE_API = Peer.outside("kubernetes API", "10.96.0.1");
    private static final Peer IDP = Peer.outside("OIDC provider", "203.0.113.10");
    private static final Peer STRANGER = Peer.pod("a pod elsewhere", "default", Map.of("app", "other"));

    record Flow(Peer from, Peer to, int port, String protocol) {
        Flow(Peer from, Peer to, int port) {
            this(from, to, port, "TCP");
        }

        @Override
        public String toString() {
            return from.name() + " -> " + to.name() + ":" + port + "/" + protocol;
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"dev", "prod"})
    void theArchitecturesFlowsPassAndNoOthers(String overlay) {
        List<Map<String, Object>> docs = Manifests.render(overlay);
        List<Map<String, Object>> policies = ofKind(docs, "NetworkPolicy");
        List<Flow> needed = new ArrayList<>();
        List<Flow> unwanted = new ArrayList<>();
        Peer gateway = service(docs, "gateway");
        needed.add(new Flow(INGRESS, gateway, 8080));
        unwanted.add(new Flow(INGRESS, gateway, 9000));
        unwanted.add(new Flow(PROMETHEUS, gateway, 8080));
        for (ServiceSpec spec : ServiceSpec.ALL) {
            Peer s = service(docs, spec.name());
            needed.add(new Flow(PROMETHEUS, s, 9000));
            needed.add(new Flow(s, POSTGRES, 5432));
            needed.add(new Flow(s, BROKER, 9092));
            needed.add(new Flow(s, DNS, 53, "UDP"));
            needed.add(new Flow(s, DNS, 53, "TCP"));
            needed.add(new Flow(s, IDP, 443));
            unwanted.add(new Flow(s, BROKER, 9091));
            unwanted.add(new Flow(s, BROKER, 8443));
            unwanted.add(new Flow(s, CONTROLLER, 9090));
            unwanted.add(new Flow(s, POSTGRES, 8000));
            unwanted.add(new Flow(s, IDP, 80));
            unwanted.add(new Flow(s, Peer.outside("anything outside", "198.51.100.7"), 5432));
            unwanted.add(new Flow(STRANGER, s, spec.defaultPort()));
            if (!spec.name().equals("gateway")) {
                needed.add(new Flow(gateway, s, spec.defaultPort()));
                unwanted.add(new Flow(INGRESS, s, spec.defaultPort()));
                unwanted.add(new Flow(gateway, s, 9000));
                // services never call each other: events go through Kafka
                for (ServiceSpec other : ServiceSpec.ALL) {
                    if (!other.name().equals("gateway") && !other.equals(spec)) {
                        unwanted.add(new Flow(service(docs, other.name()), s, spec.defaultPort()));
                    }
                }
            }
        }
        // the operators' pods among themselves, with their operators and the Kubernetes API
        for (Peer a : List.of(BROKER, CONTROLLER)) {
            for (Peer b : List.of(BROKER, CONTROLLER)) {
                needed.add(new Flow(a, b, 9090));
                needed.add(new Flow(a, b, 9091));
            }
            needed.add(new Flow(STRIMZI, a, 9090));
            needed.add(new Flow(STRIMZI, a, 9091));
            needed.add(new Flow(STRIMZI, a, 8443));
            needed.add(new Flow(a, KUBE_API, 443));
        }
        needed.add(new Flow(ENTITY_OPERATOR, BROKER, 9091));
        needed.add(new Flow(ENTITY_OPERATOR, KUBE_API, 443));
        needed.add(new Flow(POSTGRES, POSTGRES, 5432));
        needed.add(new Flow(CNPG, POSTGRES, 8000));
        needed.add(new Flow(POSTGRES, KUBE_API, 443));
        for (Peer p : List.of(BROKER, CONTROLLER, ENTITY_OPERATOR, POSTGRES)) {
            needed.add(new Flow(p, DNS, 53, "UDP"));
        }
        unwanted.add(new Flow(STRANGER, POSTGRES, 5432));
        unwanted.add(new Flow(STRANGER, BROKER, 9092));
        unwanted.add(new Flow(BROKER, POSTGRES, 5432));
        unwanted.add(new Flow(POSTGRES, BROKER, 9092));

        // dev's trace collector: the services export to it, nobody else reaches it
        if (overlay.equals("dev")) {
            Peer collector = Peer.pod("otel-collector", "mkt", at(find(docs, "Deployment", "otel-collector"),
                    "spec", "template", "metadata", "labels"));
            for (ServiceSpec spec : ServiceSpec.ALL) {
                needed.add(new Flow(service(docs, spec.name()), collector, 4317));
            }
            needed.add(new Flow(collector, DNS, 53, "UDP"));
            unwanted.add(new Flow(STRANGER, collector, 4317));
            unwanted.add(new Flow(INGRESS, collector, 4318));
            unwanted.add(new Flow(collector, POSTGRES, 5432));
            unwanted.add(new Flow(collector, IDP, 443));
        }
        // prod's traces go to the cluster's collector (namespace observability), and only to it
        if (overlay.equals("prod")) {
            Peer collector = Peer.pod("cluster otel-collector", "observability",
                    Map.of("app.kubernetes.io/name", "opentelemetry-collector"));
            Peer neighbour = Peer.pod("another pod in observability", "observability", Map.of("app", "jaeger"));
            for (ServiceSpec spec : ServiceSpec.ALL) {
                needed.add(new Flow(service(docs, spec.name()), collector, 4317));
                unwanted.add(new Flow(service(docs, spec.name()), collector, 4318));
                unwanted.add(new Flow(service(docs, spec.name()), neighbour, 4317));
            }
        }
        assertEquals(List.of(), needed.stream().filter(f -> !allowed(policies, f)).map(Flow::toString).toList(),
                "needed flows that are blocked");
        assertEquals(List.of(), unwanted.stream().filter(f -> allowed(policies, f)).map(Flow::toString).toList(),
                "flows nobody needs that pass");
    }

    private static Peer service(List<Map<String, Object>> docs, String name) {
        Map<String, Object> deployment = find(docs, "Deployment", name);
        return Peer.pod(name, at(deployment, "metadata", "namespace"),
                at(deployment, "spec", "template", "metadata", "labels"));
    }

    static boolean allowed(List<Map<String, Object>> policies, Flow flow) {
        return allows(policies, flow.from(), flow.to(), flow, "Egress", "egress", "to")
                && allows(policies, flow.to(), flow.from(), flow, "Ingress", "ingress", "from");
    }

    /** Whether the policies selecting {@code self} for this direction let {@code peer} through (open if none do). */
    @SuppressWarnings("unchecked")
    private static boolean allows(List<Map<String, Object>> policies, Peer self, Peer peer, Flow flow, String type,
            String rulesKey, String peersKey) {
        if (self.namespace() == null) {
            return true;
        }
        List<Map<String, Object>> selecting = policies.stream()
                .filter(p -> self.namespace().equals(at(p, "metadata", "namespace")))
                .filter(p -> ((List<String>) at(p, "spec", "policyTypes")).contains(type))
                .filter(p -> matches(at(p, "spec", "podSelector"), self.labels())).toList();
        if (selecting.isEmpty()) {
            return true;
        }
        for (Map<String, Object> policy : selecting) {
            String namespace = at(policy, "metadata", "namespace");
            List<Map<String, Object>> rules = at(policy, "spec", rulesKey);
            for (Map<String, Object> rule : rules == null ? List.<Map<String, Object>>of() : rules) {
                List<Map<String, Object>> peers = (List<Map<String, Object>>) rule.get(peersKey);
                boolean peerOk = peers == null || peers.stream().anyMatch(p -> peerMatches(p, namespace, peer));
                List<Map<String, Object>> ports = (List<Map<String, Object>>) rule.get("ports");
                boolean portOk = ports == null || ports.stream().anyMatch(p -> p.get("port").equals(flow.port())
                        && p.getOrDefault("protocol", "TCP").equals(flow.protocol()));
                if (peerOk && portOk) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean peerMatches(Map<String, Object> rulePeer, String policyNamespace, Peer peer) {
        Map<String, Object> ipBlock = TreeWalk.at(rulePeer, "ipBlock");
        if (ipBlock != null) {
            if (peer.address() == null) {
                return false;
            }
            @SuppressWarnings("unchecked")
            List<String> except = (List<String>) ipBlock.getOrDefault("except", List.of());
            return inCidr(peer.address(), (String) ipBlock.get("cidr"))
                    && except.stream().noneMatch(c -> inCidr(peer.address(), c));
        }
        if (peer.namespace() == null) {
            return false;
        }
        Map<String, Object> namespaceSelector = TreeWalk.at(rulePeer, "namespaceSelector");
        Map<String, Object> podSelector = TreeWalk.at(rulePeer, "podSelector");
        boolean namespaceOk = namespaceSelector == null ? peer.namespace().equals(policyNamespace)
                : matches(namespaceSelector, Map.of("kubernetes.io/metadata.name", peer.namespace()));
        return namespaceOk && (podSelector == null || matches(podSelector, peer.labels()));
    }

    @SuppressWarnings("unchecked")
    private static boolean matches(Map<String, Object> selector, Map<String, String> labels) {
        if (selector.containsKey("matchExpressions")) {
            throw new IllegalStateException("matchExpressions are outside what this test evaluates: " + selector);
        }
        Map<String, Object> wanted = (Map<String, Object>) selector.getOrDefault("matchLabels", Map.of());
        return labels.entrySet().containsAll(wanted.entrySet());
    }

    private static boolean inCidr(String address, String cidr) {
        try {
            String[] parts = cidr.split("/");
            int bits = Integer.parseInt(parts[1]);
            BigInteger a = new BigInteger(1, InetAddress.getByName(address).getAddress());
            BigInteger net = new BigInteger(1, InetAddress.getByName(parts[0]).getAddress());
            int shift = 32 - bits;
            return a.shiftRight(shift).equals(net.shiftRight(shift));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(cidr, e);
        }
    }
}
