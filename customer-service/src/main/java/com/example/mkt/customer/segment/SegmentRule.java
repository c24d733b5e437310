package com.example.mkt.customer.segment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The segment rule language: a small JSON tree over customer attributes, compiled to a SQL condition with
 * bind parameters (never string-spliced values).
 *
 * <pre>
 * rule      := {"all": [rule, ...]} | {"any": [rule, ...]} | {"not": rule} | condition
 * condition := {"field": FIELD, "op": OP, "value": VALUE}
 * </pre>
 * Fields: grade, tier, creditTier, lifecycleStage, type, status, orgUnit, salesperson, region, industry
 * (text: eq, ne, in, notIn; orgUnit also {@code within} = the unit and its descendants), vip, member
 * (boolean: eq), valueScore, birthdayMonth (integer: eq, ne, gt, gte, lt, lte, in), lifetimeSpend
 * (money string: gt, gte, lt, lte), tags (contains = has the tag, containsAny = has one of the list).
 * Refusals name the offending node, e.g. {@code rule.all[1].op}.
 */
public final class SegmentRule {

    public static final int MAX_DEPTH = 6;
    public static final int MAX_CONDITIONS = 50;

    /** A compiled condition over {@code customer c LEFT JOIN customer_stats s}. */
    public record Sql(String where, List<Object> params) {
    }

    public static final class RuleException extends RuntimeException {
        private final String path;

        RuleException(String path, String message) {
            super(message);
            this.path = path;
        }

        public String path() {
            return path;
        }
    }

    private enum Kind { TEXT, BOOL, INT, MONEY, TAGS }

    private record Field(String sql, Kind kind, Set<String> allowed) {
    }

    private static final Set<String> GRADES = Set.of("A", "B", "C", "D");
    private static final Map<String, Field> FIELDS = Map.ofEntries(
            Map.entry("grade", new Field("c.grade", Kind.TEXT, GRADES)),
            Map.entry("tier", new Field("c.tier", Kind.TEXT, Set.of("NONE", "SILVER", "GOLD", "DIAMOND"))),
            Map.entry("creditTier", new Field("c.credit_tier", Kind.TEXT, Set.of("GREEN", "YELLOW", "RED", "BLACK"))),
            Map.entry("lifecycleStage", new Field("c.lifecycle_stage", Kind.TEXT,
                    Set.of("PROSPECT", "NEW", "ACTIVE", "AT_RISK", "CHURNED", "WON_BACK"))),
            Map.entry("type", new Field("c.type", Kind.TEXT, Set.of("COMPANY", "INDIVIDUAL"))),
            Map.entry("status", new Field("c.status", Kind.TEXT, Set.of("PROSPECT", "ACTIVE", "INACTIVE"))),
            Map.entry("orgUnit", new Field("c.org_unit", Kind.TEXT, null)),
            Map.entry("salesperson", new Field("c.salesperson", Kind.TEXT, null)),
            Map.entry("region", new Field("c.region", Kind.TEXT, null)),
            Map.entry("industry", new Field("c.industry", Kind.TEXT, null)),
            Map.entry("vip", new Field("c.vip", Kind.BOOL, null)),
            Map.entry("member", new Field("c.member", Kind.BOOL, null)),
            Map.entry("valueScore", new Field("c.value_score", Kind.INT, null)),
            Map.entry("birthdayMonth", new Field("extract(month FROM c.birthday)::int", Kind.INT, null)),
            Map.entry("lifetimeSpend", new Field("coalesce(s.lifetime_spend, 0)", Kind.MONEY, null)),
            Map.entry("tags", new Field("c.tags", Kind.TAGS, null)));

    private static final Map<String, String> COMPARE = Map.of("eq", "=", "ne", "<>", "gt", ">", "gte", ">=", "lt", "<",
            "lte", "<=");

    private final Function<String, Set<String>> subtree;
    private final List<Object> params = new ArrayList<>();
    private int conditions;

    private SegmentRule(Function<String, Set<String>> subtree) {
        this.subtree = subtree;
    }

    /** @param subtree the unit and its descendants, for {@code orgUnit within}; empty for an unknown unit */
    public static Sql compile(JsonNode rule, Function<String, Set<String>> subtree) {
        SegmentRule compiler = new SegmentRule(subtree);
        String where = compiler.node(rule, "rule", 0);
        return new Sql(where, List.copyOf(compiler.params));
    }

    private String node(JsonNode n, String path, int depth) {
        if (n == null || !n.isObject()) {
            throw new RuleException(path, "must be an object");
        }
        if (depth > MAX_DEPTH) {
            throw new RuleException(path, "nested deeper than " + MAX_DEPTH);
        }
        if (n.has("all") || n.has("any")) {
            String key = n.has("all") ? "all" : "any";
            JsonNode list = n.get(key);
            if (!list.isArray() || list.isEmpty()) {
                throw new RuleException(path + "." + key, "must be a non-empty array");
            }
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                parts.add(node(list.get(i), path + "." + key + "[" + i + "]", depth + 1));
            }
            return "(" + String.join(key.equals("all") ? " AND " : " OR ", parts) + ")";
        }
        if (n.has("not")) {
            return "(NOT " + node(n.get("not"), path + ".not", depth + 1) + ")";
        }
        return condition(n, path);
    }

    private String condition(JsonNode n, String path) {
        if (++conditions > MAX_CONDITIONS) {
            throw new RuleException(path, "more than " + MAX_CONDITIONS + " conditions");
        }
        String name = n.path("field").asText(null);
        Field field = name == null ? null : FIELDS.get(name);
        if (field == null) {
            throw new RuleException(path + ".field", "must be one of " + new java.util.TreeSet<>(FIELDS.keySet()));
        }
        String op = n.path("op").asText("");
        JsonNode value = n.get("value");
        if (value == null || value.isNull()) {
            throw new RuleException(path + ".value", "is required");
        }
        String vpath = path + ".value";
        switch (field.kind()) {
            case TEXT -> {
                if (name.equals("orgUnit") && op.equals("within")) {
                    Set<String> units = subtree.apply(text(value, vpath, field));
                    if (units.isEmpty()) {
                        throw new RuleException(vpath, "unknown org unit " + value.asText());
                    }
                    params.add(units.toArray(String[]::new));
                    return field.sql() + " = ANY(?)";
                }
                if (op.equals("eq") || op.equals("ne")) {
                    params.add(text(value, vpath, field));
                    return op.equals("eq") ? field.sql() + " = ?" : field.sql() + " IS DISTINCT FROM ?";
                }
                if (op.equals("in") || op.equals("notIn")) {
                    params.add(texts(value, vpath, field));
                    return op.equals("in") ? field.sql() + " = ANY(?)" : "(NOT (" + field.sql() + " = ANY(?)) OR "
                            + field.sql() + " IS NULL)";
                }
                throw badOp(path, name.equals("orgUnit") ? "eq, ne, in, notIn, within" : "eq, ne, in, notIn");
            }
            case BOOL -> {
                if (!op.equals("eq")) {
                    throw badOp(path, "eq");
                }
                if (!value.isBoolean()) {
                    throw new RuleException(vpath, "must be true or false");
                }
                params.add(value.asBoolean());
                return field.sql() + " = ?";
            }
            case INT -> {
                if (op.equals("in")) {
                    if (!value.isArray() || value.isEmpty()) {
                        throw new RuleException(vpath, "must be a non-empty array of integers");
                    }
                    List<Integer> ints = new ArrayList<>();
                    value.forEach(v -> ints.add(integer(v, vpath)));
                    params.add(ints.toArray(Integer[]::new));
                    return field.sql() + " = ANY(?)";
                }
                String cmp = COMPARE.get(op);
                if (cmp == null) {
                    throw badOp(path, "eq, ne, gt, gte, lt, lte, in");
                }
                params.add(integer(value, vpath));
                return field.sql() + " " + cmp + " ?";
            }
            case MONEY -> {
                String cmp = COMPARE.get(op);
                if (cmp == null || op.equals("eq") || op.equals("ne")) {
                    throw badOp(path, "gt, gte, lt, lte");
                }
                if (!value.isTextual() || !value.asText().matches("^-?[0-9]{1,13}(\\.[0-9]{1,2})?$")) {
                    throw new RuleException(vpath, "must be a decimal string with at most 2 decimals");
                }
                params.add(new BigDecimal(value.asText()));
                return field.sql() + " " + cmp + " ?";
            }
            case TAGS -> {
                if (op.equals("contains")) {
                    params.add(new String[] { text(value, vpath, field) });
                    return field.sql() + " @> ?";
                }
                if (op.equals("containsAny")) {
                    params.add(texts(value, vpath, field));
                    return field.sql() + " && ?";
                }
                throw badOp(path, "contains, containsAny");
            }
            default -> throw new IllegalStateException(field.kind().name());
        }
    }

    private static RuleException badOp(String path, String allowed) {
        return new RuleException(path + ".op", "must be one of " + allowed);
    }

    private static String text(JsonNode v, String path, Field field) {
        if (!v.isTextual() || v.asText().isBlank() || v.asText().length() > 200) {
            throw new RuleException(path, "must be a non-empty string");
        }
        if (field.allowed() != null && !field.allowed().contains(v.asText())) {
            throw new RuleException(path, "must be one of " + new java.util.TreeSet<>(field.allowed()));
        }
        return v.asText();
    }

    private static String[] texts(JsonNode v, String path, Field field) {
        if (!v.isArray() || v.isEmpty() || v.size() > 200) {
            throw new RuleException(path, "must be a non-empty array of strings");
        }
        String[] out = new String[v.size()];
        for (int i = 0; i < v.size(); i++) {
            out[i] = text(v.get(i), path + "[" + i + "]", field);
        }
        return out;
    }

    private static int integer(JsonNode v, String path) {
        if (!v.isInt()) {
            throw new RuleException(path, "must be an integer");
        }
        return v.asInt();
    }
}
