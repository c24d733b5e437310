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
import com.example.mkt.campaign.shared.DocumentSchema;
import com.example.mkt.rest.problem.FieldError;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The JSON form of an {@link AwardRuleSet}: read with every problem reported under its JSON path
 * ({@code $.awards[1].qualify[0].op}), written in one canonical form (what is stored and shown). The document's
 * shape (fields, types, enumerations, formats, sizes, which fields a metric needs) is the JSON Schema
 * {@value #SCHEMA}, which also holds the reason answered for each failing keyword; this class adds the rules a schema
 * cannot state, each on the parts the schema found well-formed: unique award names, bands contiguous from place 1,
 * bands paying no more than the pool, a weight above zero, recipients named once under a weighted role.
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

    public static final String SCHEMA = "schemas/award-rules.v1.json";
    private static final DocumentSchema SHAPE = DocumentSchema.load(SCHEMA);

    private final List<FieldError> errors = new ArrayList<>();

    private AwardRuleDocument(List<FieldError> shapeErrors) {
        errors.addAll(shapeErrors);
    }

    /** Reads a rule set; the problems found, each under its JSON path, when it is not a valid one. */
    public static Parsed parse(JsonNode doc) {
        if (doc == null) {
            return new Parsed(null, List.of(new FieldError("$", "must be a JSON object")));
        }
        AwardRuleDocument reader = new AwardRuleDocument(SHAPE.check(doc));
        if (doc.isObject() && doc.path("awards").isArray()) {
            reader.checkRules(doc.get("awards"));
        }
        if (!reader.errors.isEmpty()) {
            return new Parsed(null, DocumentSchema.inOrder(doc, reader.errors));
        }
        AwardRuleSet rules = read(doc);
        if (rules.pool() != null && rules.bandsTotal().compareTo(rules.pool()) > 0) {
            return new Parsed(null, List.of(new FieldError("$.pool", "the bands can pay " + rules.bandsTotal()
                    + " in all, more than the pool of " + Money.of(rules.pool()))));
        }
        return new Parsed(rules, List.of());
    }

    public record Parsed(AwardRuleSet rules, List<FieldError> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    // ---- the rules a schema cannot state, each run only where the schema found no fault

    private void checkRules(JsonNode awards) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < awards.size(); i++) {
            String path = DocumentSchema.path("$.awards", i);
            JsonNode award = awards.get(i);
            JsonNode name = award.path("name");
            if (name.isTextual() && clean(path + ".name") && !names.add(name.asText())) {
                error(path + ".name", "another award is named " + name.asText());
            }
            if (award.path("bands").isArray()) {
                checkBands(award.get("bands"), path + ".bands");
            }
            if (award.path("split").isObject() && clean(path + ".split.weights")) {
                checkSplit(award.get("split"), path + ".split");
            }
        }
    }

    /** Places not overlapping: each band starts where the one before ended; read up to the first fault. */
    private void checkBands(JsonNode bands, String path) {
        int next = 1;
        for (int i = 0; i < bands.size(); i++) {
            String p = DocumentSchema.path(path, i);
            if (!clean(p)) {
                return;
            }
            int from = bands.get(i).get("from").intValue();
            int to = bands.get(i).get("to").intValue();
            if (from != next) {
                error(p + ".from", "must be " + next + ": bands run on from place 1 without gaps or overlaps");
                return;
            }
            if (to < from) {
                error(p + ".to", "must not be below from (" + from + ")");
                return;
            }
            next = to + 1;
        }
    }

    private void checkSplit(JsonNode split, String path) {
        Set<String> roles = new TreeSet<>();
        boolean aboveZero = false;
        for (var it = split.get("weights").fields(); it.hasNext(); ) {
            var e = it.next();
            roles.add(e.getKey());
            aboveZero |= decimal(e.getValue()).signum() > 0;
        }
        if (!aboveZero) {
            error(path + ".weights", "at least one weight must be above zero");
        }
        for (var it = split.path("recipients").fields(); it.hasNext(); ) {
            var e = it.next();
            String branch = DocumentSchema.path(path + ".recipients", e.getKey());
            Set<String> staff = new HashSet<>();
            for (int i = 0; e.getValue().isArray() && i < e.getValue().size(); i++) {
                String p = DocumentSchema.path(branch, i);
                if (!clean(p)) {
                    continue;
                }
                String role = e.getValue().get(i).get("role").asText().toLowerCase(Locale.ROOT);
                if (!roles.contains(role)) {
                    error(p + ".role", "one of the weighted roles " + roles);
                }
                String staffId = e.getValue().get(i).get("staffId").asText();
                if (!staff.add(staffId)) {
                    error(p + ".staffId", staffId + " is named twice");
                }
            }
        }
    }

    private boolean clean(String path) {
        return errors.stream().map(FieldError::field).noneMatch(f -> f.equals(path) || f.startsWith(path + ".")
                || f.startsWith(path + "[") || path.startsWith(f + ".") || path.startsWith(f + "["));
    }

    private void error(String path, String message) {
        errors.add(new FieldError(path, message));
    }

    // ---- reading a document of the right shape

    private static AwardRuleSet read(JsonNode doc) {
        BigDecimal pool = present(doc, "pool") ? Money.of(decimal(doc.get("pool"))) : null;
        List<Award> awards = new ArrayList<>();
        doc.get("awards").forEach(a -> awards.add(award(a)));
        return new AwardRuleSet(pool, awards);
    }

    private static Award award(JsonNode n) {
        Subject subject = Subject.valueOf(n.get("subject").asText());
        List<Band> bands = new ArrayList<>();
        n.get("bands").forEach(b -> bands.add(new Band(b.get("from").intValue(), b.get("to").intValue(),
                Money.of(decimal(b.get("amount"))))));
        FillIn fillIn = null;
        if (present(n, "fillIn")) {
            JsonNode f = n.get("fillIn");
            fillIn = new FillIn(conditions(f.get("qualify")), ranking(f.get("rankBy")),
                    present(f, "rule") ? AwardRule.valueOf(f.get("rule").asText()) : AwardRule.FILL_IN);
        }
        return new Award(n.get("name").asText(), subject, conditions(n.get("qualify")), ranking(n.get("rankBy")),
                bands, present(n, "listUnplaced") && n.get("listUnplaced").booleanValue(), fillIn,
                present(n, "ties") ? TieRule.valueOf(n.get("ties").asText()) : TieRule.SHARE,
                present(n, "split") ? split(n.get("split")) : null,
                present(n, "rule") ? AwardRule.valueOf(n.get("rule").asText()) : AwardRule.QUALIFIED);
    }

    private static List<Condition> conditions(JsonNode n) {
        List<Condition> result = new ArrayList<>();
        if (n != null && n.isArray()) {
            n.forEach(c -> result.add(new Condition(ConditionMetric.valueOf(c.get("metric").asText()),
                    present(c, "target") ? Target.valueOf(c.get("target").asText()) : null,
                    present(c, "op") ? Op.of(c.get("op").asText()) : null,
                    present(c, "value") ? decimal(c.get("value")) : null)));
        }
        return result;
    }

    private static Ranking ranking(JsonNode n) {
        return new Ranking(RankMetric.valueOf(n.get("metric").asText()),
                present(n, "target") ? Target.valueOf(n.get("target").asText()) : null);
    }

    private static RoleSplit split(JsonNode n) {
        Map<String, BigDecimal> weights = new TreeMap<>();
        n.get("weights").fields().forEachRemaining(e -> weights.put(e.getKey(), decimal(e.getValue())));
        Map<String, List<Recipient>> recipients = new TreeMap<>();
        n.path("recipients").fields().forEachRemaining(e -> {
            List<Recipient> people = new ArrayList<>();
            e.getValue().forEach(p -> people.add(new Recipient(p.get("staffId").asText(),
                    p.get("role").asText().toLowerCase(Locale.ROOT))));
            recipients.put(e.getKey(), people);
        });
        return new RoleSplit(weights, recipients);
    }

    private static boolean present(JsonNode n, String field) {
        return n.has(field) && !n.get(field).isNull();
    }

    /** A decimal the schema accepted, written as a string or a number. */
    private static BigDecimal decimal(JsonNode v) {
        return new BigDecimal(v.isNumber() ? v.decimalValue().toPlainString() : v.asText());
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
                        .map(p -> recipient(p)).toList()));
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

    /** In a fixed order (Map.of has none): the stored document is the same for the same rule set. */
    private static Map<String, Object> recipient(Recipient p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("staffId", p.staffId());
        m.put("role", p.role());
        return m;
    }

    private static Map<String, Object> ranking(Ranking r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("metric", r.metric().name());
        if (r.target() != null) {
            m.put("target", r.target().name());
        }
        return m;
    }
}
