package com.example.mkt.campaign.award;

import com.example.mkt.campaign.award.AwardRuleSet.Award;
import com.example.mkt.campaign.award.AwardRuleSet.Band;
import com.example.mkt.campaign.award.AwardRuleSet.Condition;
import com.example.mkt.campaign.award.AwardRuleSet.ConditionMetric;
import com.example.mkt.campaign.award.AwardRuleSet.FillIn;
import com.example.mkt.campaign.award.AwardRuleSet.Op;
import com.example.mkt.campaign.award.AwardRuleSet.RankMetric;
import com.example.mkt.campaign.award.AwardRuleSet.Ranking;
import com.example.mkt.campaign.award.AwardRuleSet.Recipient;
import com.example.mkt.campaign.award.AwardRuleSet.RoleSplit;
import com.example.mkt.campaign.award.AwardRuleSet.Subject;
import com.example.mkt.campaign.award.AwardRuleSet.Target;
import com.example.mkt.campaign.award.AwardRuleSet.TieRule;
import com.example.mkt.campaign.money.Money;
import com.example.mkt.campaign.shared.Api;
import com.example.mkt.rest.problem.FieldError;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The JSON form of an {@link AwardRuleSet}: read with every problem reported under its JSON path
 * ({@code $.awards[1].qualify[0].op}), written in one canonical form (what is stored and shown).
 *
 * <pre>{@code
 * {"pool": "80000.00",
 *  "awards": [{"name": "speed", "subject": "BRANCH",
 *              "qualify": [{"metric": "BRANCH_REACHED", "target": "BUDGET"}],
 *              "rankBy": {"metric": "REACHED_AT", "target": "BUDGET"},
 *              "bands": [{"from": 1, "to": 1, "amount": "10000.00"}, ...],
 *              "fillIn": {"qualify": [{"metric": "BRANCH_REACHED", "target": "STARTING"}],
 *                         "rankBy": {"metric": "REACHED_AT", "target": "STARTING"}},
 *              "ties": "SHARE",
 *              "split": {"weights": {"manager": "1", "staff": "0.5"},
 *                        "recipients": {"B-NC": [{"staffId": "m-1", "role": "manager"}]}}}, ...]}
 * }</pre>
 */
public final class AwardRuleDocument {

    static final int MAX_AWARDS = 20;
    static final int MAX_CONDITIONS = 10;
    static final int MAX_BANDS = 100;
    static final int MAX_PLACES = 10_000;
    private static final Pattern MONEY = Pattern.compile(Api.MONEY);
    private static final Pattern DECIMAL = Pattern.compile("^[0-9]{1,13}(\\.[0-9]{1,4})?$");
    private static final Pattern WEIGHT = Pattern.compile("^[0-9]{1,3}(\\.[0-9]{1,4})?$");
    private static final Pattern NAME = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$");
    private static final Pattern ROLE = Pattern.compile("^[a-z][a-z0-9_]{0,31}$");

    private final List<FieldError> errors = new ArrayList<>();

    private AwardRuleDocument() {
    }

    /** Reads a rule set; the problems found, each under its JSON path, when it is not a valid one. */
    public static Parsed parse(JsonNode doc) {
        AwardRuleDocument reader = new AwardRuleDocument();
        AwardRuleSet rules = reader.read(doc);
        return new Parsed(reader.errors.isEmpty() ? rules : null, List.copyOf(reader.errors));
    }

    public record Parsed(AwardRuleSet rules, List<FieldError> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private AwardRuleSet read(JsonNode doc) {
        if (doc == null || !doc.isObject()) {
            error("$", "must be a JSON object");
            return null;
        }
        known(doc, "$", "pool", "currency", "awards");
        BigDecimal pool = null;
        if (present(doc, "pool")) {
            pool = money(doc.get("pool"), "$.pool");
        }
        if (present(doc, "currency") && !"CNY".equals(doc.get("currency").asText())) {
            error("$.currency", "only CNY is supported");
        }
        JsonNode list = doc.get("awards");
        List<Award> awards = new ArrayList<>();
        if (list == null || !list.isArray() || list.isEmpty()) {
            error("$.awards", "must be a non-empty array");
        } else if (list.size() > MAX_AWARDS) {
            error("$.awards", "at most " + MAX_AWARDS + " awards");
        } else {
            Set<String> names = new HashSet<>();
            for (int i = 0; i < list.size(); i++) {
                Award a = award(list.get(i), "$.awards[" + i + "]");
                String name = list.get(i).path("name").asText("");
                if (!name.isEmpty() && !names.add(name)) {
                    error("$.awards[" + i + "].name", "another award is named " + name);
                }
                if (a != null) {
                    awards.add(a);
                }
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        AwardRuleSet rules = new AwardRuleSet(pool, awards);
        if (pool != null && rules.bandsTotal().compareTo(pool) > 0) {
            error("$.pool", "the bands can pay " + rules.bandsTotal() + " in all, more than the pool of "
                    + Money.of(pool));
        }
        return rules;
    }

    private Award award(JsonNode n, String path) {
        if (n == null || !n.isObject()) {
            error(path, "must be a JSON object");
            return null;
        }
        int before = errors.size();
        known(n, path, "name", "subject", "qualify", "rankBy", "bands", "listUnplaced", "fillIn", "ties", "split",
                "rule");
        String name = text(n, "name", path);
        if (name != null && !NAME.matcher(name).matches()) {
            error(path + ".name", "letters, digits, '_' and '-', at most 64");
        }
        Subject subject = enumValue(Subject.class, n.get("subject"), path + ".subject", true);
        List<Condition> qualify = conditions(n.get("qualify"), path + ".qualify");
        Ranking rankBy = ranking(n.get("rankBy"), path + ".rankBy", subject);
        List<Band> bands = bands(n.get("bands"), path + ".bands");
        boolean listUnplaced = false;
        if (present(n, "listUnplaced")) {
            if (!n.get("listUnplaced").isBoolean()) {
                error(path + ".listUnplaced", "must be true or false");
            } else {
                listUnplaced = n.get("listUnplaced").booleanValue();
            }
        }
        FillIn fillIn = null;
        if (present(n, "fillIn")) {
            JsonNode f = n.get("fillIn");
            String fp = path + ".fillIn";
            if (!f.isObject()) {
                error(fp, "must be a JSON object");
            } else {
                known(f, fp, "qualify", "rankBy", "rule");
                List<Condition> fq = conditions(f.get("qualify"), fp + ".qualify");
                Ranking fr = ranking(f.get("rankBy"), fp + ".rankBy", subject);
                AwardRule rule = present(f, "rule") ? enumValue(AwardRule.class, f.get("rule"), fp + ".rule", true)
                        : AwardRule.FILL_IN;
                fillIn = new FillIn(fq, fr, rule);
            }
        }
        TieRule ties = present(n, "ties") ? enumValue(TieRule.class, n.get("ties"), path + ".ties", true)
                : TieRule.SHARE;
        RoleSplit split = null;
        if (present(n, "split")) {
            if (subject == Subject.SALESPERSON) {
                error(path + ".split", "a role split applies to BRANCH awards only");
            } else {
                split = split(n.get("split"), path + ".split");
            }
        }
        AwardRule rule = present(n, "rule") ? enumValue(AwardRule.class, n.get("rule"), path + ".rule", true)
                : AwardRule.QUALIFIED;
        if (errors.size() > before) {
            return null;
        }
        return new Award(name, subject, qualify, rankBy, bands, listUnplaced, fillIn, ties, split, rule);
    }

    private List<Condition> conditions(JsonNode n, String path) {
        List<Condition> result = new ArrayList<>();
        if (n == null || n.isNull()) {
            return result;
        }
        if (!n.isArray()) {
            error(path, "must be an array of conditions (combined with AND)");
            return result;
        }
        if (n.size() > MAX_CONDITIONS) {
            error(path, "at most " + MAX_CONDITIONS + " conditions");
            return result;
        }
        for (int i = 0; i < n.size(); i++) {
            JsonNode c = n.get(i);
            String p = path + "[" + i + "]";
            if (!c.isObject()) {
                error(p, "must be a JSON object");
                continue;
            }
            known(c, p, "metric", "target", "op", "value");
            ConditionMetric metric = enumValue(ConditionMetric.class, c.get("metric"), p + ".metric", true);
            if (metric == null) {
                continue;
            }
            boolean needsTarget = metric == ConditionMetric.BRANCH_REACHED
                    || metric == ConditionMetric.BRANCH_AMOUNT_PCT_OF;
            boolean needsComparison = metric != ConditionMetric.BRANCH_REACHED;
            Target target = null;
            if (needsTarget) {
                target = enumValue(Target.class, c.get("target"), p + ".target", true);
            } else if (present(c, "target")) {
                error(p + ".target", "not used with " + metric);
            }
            Op op = null;
            BigDecimal value = null;
            if (needsComparison) {
                JsonNode o = c.get("op");
                op = o == null || !o.isTextual() ? null : Op.of(o.asText());
                if (op == null) {
                    error(p + ".op", "one of " + Arrays.stream(Op.values()).map(Op::symbol).toList());
                }
                value = decimal(c.get("value"), p + ".value");
            } else if (present(c, "op") || present(c, "value")) {
                error(p + (present(c, "op") ? ".op" : ".value"), "not used with " + metric);
            }
            result.add(new Condition(metric, target, op, value));
        }
        return result;
    }

    private Ranking ranking(JsonNode n, String path, Subject subject) {
        if (n == null || !n.isObject()) {
            error(path, "required: {\"metric\": one of " + Arrays.toString(RankMetric.values()) + "}");
            return null;
        }
        known(n, path, "metric", "target");
        RankMetric metric = enumValue(RankMetric.class, n.get("metric"), path + ".metric", true);
        Target target = null;
        if (metric == RankMetric.REACHED_AT) {
            target = enumValue(Target.class, n.get("target"), path + ".target", true);
            if (subject == Subject.SALESPERSON) {
                error(path + ".metric", "REACHED_AT ranks branches; salespeople rank on AMOUNT, PCT_OF_STARTING"
                        + " or PCT_OF_BUDGET");
            }
        } else if (metric != null && present(n, "target")) {
            error(path + ".target", "not used with " + metric);
        }
        return metric == null ? null : new Ranking(metric, target);
    }

    private List<Band> bands(JsonNode n, String path) {
        List<Band> bands = new ArrayList<>();
        if (n == null || !n.isArray() || n.isEmpty()) {
            error(path, "must be a non-empty array of {from, to, amount}");
            return bands;
        }
        if (n.size() > MAX_BANDS) {
            error(path, "at most " + MAX_BANDS + " bands");
            return bands;
        }
        int next = 1;
        for (int i = 0; i < n.size(); i++) {
            JsonNode b = n.get(i);
            String p = path + "[" + i + "]";
            if (!b.isObject()) {
                error(p, "must be a JSON object");
                return bands;
            }
            known(b, p, "from", "to", "amount");
            Integer from = place(b.get("from"), p + ".from");
            Integer to = place(b.get("to"), p + ".to");
            BigDecimal amount = money(b.get("amount"), p + ".amount");
            if (from == null || to == null || amount == null) {
                return bands;
            }
            if (from != next) {
                error(p + ".from", "must be " + next + ": bands run on from place 1 without gaps or overlaps");
                return bands;
            }
            if (to < from) {
                error(p + ".to", "must not be below from (" + from + ")");
                return bands;
            }
            bands.add(new Band(from, to, amount));
            next = to + 1;
        }
        return bands;
    }

    private RoleSplit split(JsonNode n, String path) {
        if (!n.isObject()) {
            error(path, "must be a JSON object");
            return null;
        }
        known(n, path, "weights", "recipients");
        JsonNode w = n.get("weights");
        Map<String, BigDecimal> weights = new TreeMap<>();
        if (w == null || !w.isObject() || w.isEmpty()) {
            error(path + ".weights", "must name at least one role with its weight, e.g. {\"manager\": 1}");
            return null;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = w.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String p = path + ".weights." + e.getKey();
            if (!ROLE.matcher(e.getKey()).matches()) {
                error(p, "role names are lower case letters, digits and '_'");
                continue;
            }
            String text = e.getValue().isNumber() ? e.getValue().decimalValue().toPlainString()
                    : e.getValue().isTextual() ? e.getValue().asText() : "";
            if (!WEIGHT.matcher(text).matches()) {
                error(p, "a non-negative decimal (at most 3 digits and 4 decimals)");
                continue;
            }
            weights.put(e.getKey(), new BigDecimal(text));
        }
        if (!weights.isEmpty() && weights.values().stream().allMatch(x -> x.signum() == 0)) {
            error(path + ".weights", "at least one weight must be above zero");
        }
        Map<String, List<Recipient>> recipients = new TreeMap<>();
        JsonNode r = n.get("recipients");
        if (r != null && !r.isNull()) {
            if (!r.isObject()) {
                error(path + ".recipients", "must map branch codes to lists of {staffId, role}");
                return null;
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String bp = path + ".recipients['" + e.getKey() + "']";
                if (!e.getValue().isArray()) {
                    error(bp, "must be an array of {staffId, role}");
                    continue;
                }
                List<Recipient> people = new ArrayList<>();
                Set<String> staff = new HashSet<>();
                for (int i = 0; i < e.getValue().size(); i++) {
                    JsonNode person = e.getValue().get(i);
                    String pp = bp + "[" + i + "]";
                    if (!person.isObject()) {
                        error(pp, "must be a JSON object");
                        continue;
                    }
                    known(person, pp, "staffId", "role");
                    String staffId = text(person, "staffId", pp);
                    String role = text(person, "role", pp);
                    if (role != null) {
                        role = role.toLowerCase(java.util.Locale.ROOT);
                        if (!weights.containsKey(role)) {
                            error(pp + ".role", "one of the weighted roles " + weights.keySet());
                        }
                    }
                    if (staffId != null && !staff.add(staffId)) {
                        error(pp + ".staffId", staffId + " is named twice");
                    }
                    people.add(new Recipient(staffId, role));
                }
                recipients.put(e.getKey(), people);
            }
        }
        return new RoleSplit(weights, recipients);
    }

    // ---- writing

    /** The canonical document: every default written out, money with 2 decimals. */
    public static Map<String, Object> write(AwardRuleSet rules) {
        Map<String, Object> doc = new LinkedHashMap<>();
        if (rules.pool() != null) {
            doc.put("pool", Api.money(rules.pool()));
        }
        doc.put("currency", Api.CURRENCY);
        List<Object> awards = new ArrayList<>();
        for (Award a : rules.awards()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", a.name());
            m.put("subject", a.subject().name());
            m.put("qualify", conditions(a.qualify()));
            m.put("rankBy", ranking(a.rankBy()));
            m.put("bands", a.bands().stream().map(b -> {
                Map<String, Object> bm = new LinkedHashMap<>();
                bm.put("from", b.from());
                bm.put("to", b.to());
                bm.put("amount", Api.money(b.amount()));
                return bm;
            }).toList());
            m.put("listUnplaced", a.listUnplaced());
            if (a.fillIn() != null) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("qualify", conditions(a.fillIn().qualify()));
                f.put("rankBy", ranking(a.fillIn().rankBy()));
                f.put("rule", a.fillIn().rule().name());
                m.put("fillIn", f);
            }
            m.put("ties", a.ties().name());
            if (a.split() != null) {
                Map<String, Object> s = new LinkedHashMap<>();
                Map<String, String> weights = new TreeMap<>();
                a.split().weights().forEach((role, w) -> weights.put(role, w.stripTrailingZeros().toPlainString()));
                s.put("weights", weights);
                Map<String, Object> recipients = new TreeMap<>();
                a.split().recipients().forEach((branch, people) -> recipients.put(branch, people.stream()
                        .map(p -> Map.of("staffId", p.staffId(), "role", p.role())).toList()));
                s.put("recipients", recipients);
                m.put("split", s);
            }
            m.put("rule", a.rule().name());
            awards.add(m);
        }
        doc.put("awards", awards);
        return doc;
    }

    private static List<Object> conditions(List<Condition> conditions) {
        return conditions.stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("metric", c.metric().name());
            if (c.target() != null) {
                m.put("target", c.target().name());
            }
            if (c.op() != null) {
                m.put("op", c.op().symbol());
                m.put("value", c.value().stripTrailingZeros().toPlainString());
            }
            return (Object) m;
        }).toList();
    }

    private static Map<String, Object> ranking(Ranking r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", r.metric().name());
        if (r.target() != null) {
            m.put("target", r.target().name());
        }
        return m;
    }

    // ---- helpers

    private void error(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    private static boolean present(JsonNode n, String field) {
        return n.has(field) && !n.get(field).isNull();
    }

    private void known(JsonNode n, String path, String... fields) {
        Set<String> allowed = Set.of(fields);
        n.fieldNames().forEachRemaining(f -> {
            if (!allowed.contains(f)) {
                error(path + "." + f, "unknown field; expected one of " + Arrays.toString(fields));
            }
        });
    }

    private String text(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            error(path + "." + field, "required text");
            return null;
        }
        if (v.asText().length() > 64) {
            error(path + "." + field, "at most 64 characters");
            return null;
        }
        return v.asText();
    }

    private <E extends Enum<E>> E enumValue(Class<E> type, JsonNode v, String path, boolean required) {
        String allowed = Arrays.toString(type.getEnumConstants());
        if (v == null || v.isNull()) {
            if (required) {
                error(path, "required, one of " + allowed);
            }
            return null;
        }
        try {
            return Enum.valueOf(type, v.asText());
        } catch (IllegalArgumentException e) {
            error(path, "one of " + allowed);
            return null;
        }
    }

    private BigDecimal money(JsonNode v, String path) {
        String text = v == null ? "" : v.isNumber() ? v.decimalValue().toPlainString() : v.isTextual() ? v.asText() : "";
        if (!MONEY.matcher(text).matches()) {
            error(path, Api.MONEY_MESSAGE);
            return null;
        }
        return Money.of(text);
    }

    private BigDecimal decimal(JsonNode v, String path) {
        String text = v == null ? "" : v.isNumber() ? v.decimalValue().toPlainString() : v.isTextual() ? v.asText() : "";
        if (!DECIMAL.matcher(text).matches()) {
            error(path, "a non-negative decimal string with at most 4 decimals");
            return null;
        }
        return new BigDecimal(text);
    }

    private Integer place(JsonNode v, String path) {
        if (v == null || !v.canConvertToInt() || !v.isIntegralNumber() || v.intValue() < 1
                || v.intValue() > MAX_PLACES) {
            error(path, "a place between 1 and " + MAX_PLACES);
            return null;
        }
        return v.intValue();
    }
}
