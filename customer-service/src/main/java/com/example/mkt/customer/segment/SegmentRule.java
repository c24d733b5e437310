package com.example.mkt.customer.segment;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * The segment rule language: a small JSON tree over customer attributes, compiled to a SQL condition with
 * bind parameters (never string-spliced values).
 *
 * <pre>
 * rule      := {"all": [rule, ...]} | {"any": [rule, ...]} | {"not": rule} | condition
 * condition := {"field": FIELD, "op": OP, "value": VALUE}
 * </pre>
 * The fields, the operators each takes and the values each operator compares with are the JSON Schema
 * {@value #SCHEMA}. This class adds what a schema cannot state: a rule nests at most {@value #MAX_DEPTH} deep and holds
 * at most {@value #MAX_CONDITIONS} conditions (checked first: a rule over them is not walked any further), and
 * {@code orgUnit within} names an org unit the directory knows. Refusals name the offending node, e.g.
 * {@code rule.all[1].op}: the first found, limits first, then shape, then org units.
 */
public final class SegmentRule {

    public static final String SCHEMA = "schemas/segment-rule.v1.json";
    public static final int MAX_DEPTH = 6;
    public static final int MAX_CONDITIONS = 50;
    private static final String ROOT = "rule";
    private static final SegmentRuleSchema SHAPE = SegmentRuleSchema.load(SCHEMA);

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

    /** How a field is compared: which SQL each operator becomes, which Java type its value is bound as. */
    enum Kind { TEXT, BOOL, INT, MONEY, TAGS }

    record Field(String sql, Kind kind) {
    }

    /** The schema's field names (SegmentRuleSchemaTest keeps the two in step) and the column each reads. */
    static final Map<String, Field> FIELDS = Map.ofEntries(
            Map.entry("grade", new Field("c.grade", Kind.TEXT)),
            Map.entry("tier", new Field("c.tier", Kind.TEXT)),
            Map.entry("creditTier", new Field("c.credit_tier", Kind.TEXT)),
            Map.entry("lifecycleStage", new Field("c.lifecycle_stage", Kind.TEXT)),
            Map.entry("type", new Field("c.type", Kind.TEXT)),
            Map.entry("status", new Field("c.status", Kind.TEXT)),
            Map.entry("orgUnit", new Field("c.org_unit", Kind.TEXT)),
            Map.entry("salesperson", new Field("c.salesperson", Kind.TEXT)),
            Map.entry("region", new Field("c.region", Kind.TEXT)),
            Map.entry("industry", new Field("c.industry", Kind.TEXT)),
            Map.entry("vip", new Field("c.vip", Kind.BOOL)),
            Map.entry("member", new Field("c.member", Kind.BOOL)),
            Map.entry("valueScore", new Field("c.value_score", Kind.INT)),
            Map.entry("birthdayMonth", new Field("extract(month FROM c.birthday)::int", Kind.INT)),
            Map.entry("lifetimeSpend", new Field("coalesce(s.lifetime_spend, 0)", Kind.MONEY)),
            Map.entry("tags", new Field("c.tags", Kind.TAGS)));

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
        JsonNode doc = rule == null ? NullNode.getInstance() : rule;
        SegmentRule compiler = new SegmentRule(subtree);
        compiler.measure(doc, ROOT, 0);
        SHAPE.firstFault(doc, ROOT).ifPresent(f -> {
            throw new RuleException(f.path(), f.reason());
        });
        String where = compiler.node(doc, ROOT);
        return new Sql(where, List.copyOf(compiler.params));
    }

    // ---- limits, before the schema walks the rule: how deep, how many conditions

    /** Follows the node the way {@link #node} reads it; what is not yet well-formed is left to the schema. */
    private void measure(JsonNode n, String path, int depth) {
        if (!n.isObject()) {
            return;
        }
        if (depth > MAX_DEPTH) {
            throw new RuleException(path, "nested deeper than " + MAX_DEPTH);
        }
        String key = n.has("all") ? "all" : n.has("any") ? "any" : n.has("not") ? "not" : null;
        if (key == null && ++conditions > MAX_CONDITIONS) {
            throw new RuleException(path, "more than " + MAX_CONDITIONS + " conditions");
        }
        if ("not".equals(key)) {
            measure(n.get(key), path + ".not", depth + 1);
        } else if (key != null && n.get(key).isArray()) {
            JsonNode list = n.get(key);
            for (int i = 0; i < list.size(); i++) {
                measure(list.get(i), path + "." + key + "[" + i + "]", depth + 1);
            }
        }
    }

    // ---- compiling a rule of the schema's shape

    private String node(JsonNode n, String path) {
        if (n.has("all") || n.has("any")) {
            String key = n.has("all") ? "all" : "any";
            JsonNode list = n.get(key);
            List<String> parts = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                parts.add(node(list.get(i), path + "." + key + "[" + i + "]"));
            }
            return "(" + String.join(key.equals("all") ? " AND " : " OR ", parts) + ")";
        }
        if (n.has("not")) {
            return "(NOT " + node(n.get("not"), path + ".not") + ")";
        }
        return condition(n, path);
    }

    private String condition(JsonNode n, String path) {
        Field field = FIELDS.get(n.get("field").asText());
        String op = n.get("op").asText();
        JsonNode value = n.get("value");
        String column = field.sql();
        return switch (field.kind()) {
            case TEXT -> switch (op) {
                case "within" -> bind(column + " = ANY(?)", units(value.asText(), path + ".value"));
                case "eq" -> bind(column + " = ?", value.asText());
                case "ne" -> bind(column + " IS DISTINCT FROM ?", value.asText());
                case "in" -> bind(column + " = ANY(?)", texts(value));
                case "notIn" -> bind("(NOT (" + column + " = ANY(?)) OR " + column + " IS NULL)", texts(value));
                default -> throw unexpected(op);
            };
            case BOOL -> bind(column + " = ?", value.booleanValue());
            case INT -> op.equals("in") ? bind(column + " = ANY(?)", integers(value))
                    : bind(column + " " + COMPARE.get(op) + " ?", value.intValue());
            case MONEY -> bind(column + " " + COMPARE.get(op) + " ?", new BigDecimal(value.asText()));
            case TAGS -> op.equals("contains") ? bind(column + " @> ?", new String[] { value.asText() })
                    : bind(column + " && ?", texts(value));
        };
    }

    private String bind(String sql, Object param) {
        params.add(param);
        return sql;
    }

    private String[] units(String unit, String path) {
        Set<String> units = subtree.apply(unit);
        if (units.isEmpty()) {
            throw new RuleException(path, "unknown org unit " + unit);
        }
        return units.toArray(String[]::new);
    }

    private static IllegalStateException unexpected(String op) {
        return new IllegalStateException("the schema let through the operator " + op);
    }

    private static String[] texts(JsonNode list) {
        String[] out = new String[list.size()];
        for (int i = 0; i < list.size(); i++) {
            out[i] = list.get(i).asText();
        }
        return out;
    }

    /** Integers the schema accepted: JSON Schema's integer is any number without a fraction, 60 and 60.0 alike. */
    private static Integer[] integers(JsonNode list) {
        Integer[] out = new Integer[list.size()];
        for (int i = 0; i < list.size(); i++) {
            out[i] = list.get(i).intValue();
        }
        return out;
    }
}
