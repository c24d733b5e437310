package com.example.mkt.gateway.routing;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Which backend owns a path: the first segment below {@code /api/v1} names a resource, and each resource
 * has exactly one owning service.
 */
public class RouteTable {

    public static final String API_PREFIX = "/api/v1/";

    private final Map<String, String> backendBySegment = new HashMap<>();
    private final Set<String> local;

    /**
     * @param routes backend name to the segments it serves
     * @param local segments the gateway serves itself; configuring one of them for a backend is an error
     */
    public RouteTable(Map<String, ? extends Iterable<String>> routes, Set<String> local) {
        this.local = Set.copyOf(local);
        routes.forEach((backend, segments) -> segments.forEach(raw -> {
            String segment = raw.trim();
            if (segment.isEmpty() || segment.contains("/")) {
                throw new IllegalArgumentException("backend " + backend + ": route '" + raw
                        + "' must be one path segment below /api/v1");
            }
            if (this.local.contains(segment)) {
                throw new IllegalArgumentException("backend " + backend + ": /api/v1/" + segment
                        + " is served by the gateway itself");
            }
            String previous = backendBySegment.putIfAbsent(segment, backend);
            if (previous != null && !previous.equals(backend)) {
                throw new IllegalArgumentException("/api/v1/" + segment + " is routed to both " + previous + " and "
                        + backend);
            }
        }));
    }

    /** True for paths the gateway answers itself, such as /api/v1/sales-events. */
    public boolean isLocal(String path) {
        String segment = firstSegment(path);
        return segment != null && local.contains(segment);
    }

    /** The backend owning {@code path} (a normalised path without query), if any. */
    public Optional<String> backendFor(String path) {
        String segment = firstSegment(path);
        return segment == null ? Optional.empty() : Optional.ofNullable(backendBySegment.get(segment));
    }

    /**
     * The path as the gateway's metrics name it: the routed resource, never what follows it ({@code
     * /api/v1/customers/C-0042/contacts} is {@code /api/v1/customers/**}), so no id reaches a metric and the number of
     * series stays the number of routes. The owning service's own metrics carry each endpoint's template.
     */
    public String metricTemplate(String path) {
        String segment = firstSegment(path);
        if (segment == null || (!backendBySegment.containsKey(segment) && !local.contains(segment))) {
            return API_PREFIX + "{unrouted}";
        }
        return path.length() > API_PREFIX.length() + segment.length() ? API_PREFIX + segment + "/**"
                : API_PREFIX + segment;
    }

    static String firstSegment(String path) {
        if (path == null || !path.startsWith(API_PREFIX)) {
            return null;
        }
        int start = API_PREFIX.length();
        int end = path.indexOf('/', start);
        String segment = end < 0 ? path.substring(start) : path.substring(start, end);
        return segment.isEmpty() ? null : segment;
    }
}
