package com.example.mkt.campaign.award;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A campaign's award rules as data (docs/domain.md#awards): an optional pool cap and a list of awards, each built
 * from the same generic parts. Stored per campaign as a validated JSON document ({@link AwardRuleDocument});
 * {@link AwardEngine} computes the awards from it and the campaign's progress, nothing else.
 *
 * @param pool   what all awards together may pay out; null: the most the bands can pay
 * @param awards computed independently of each other, listed in this order
 */
public record AwardRuleSet(BigDecimal pool, List<Award> awards) {

    public AwardRuleSet {
        awards = List.copyOf(awards);
    }

    /** Who an award ranks: allocated branches, or salespeople (each with the branch they sold for). */
    public enum Subject {
        BRANCH,
        SALESPERSON
    }

    /** The two targets every branch has. */
    public enum Target {
        STARTING,
        BUDGET
    }

    /** What a qualification condition reads. */
    public enum ConditionMetric {
        /** The (subject's) branch reached the target; needs {@code target}. */
        BRANCH_REACHED,
        /** The subject's own attributed sales (a salesperson's, or a branch's whole); needs op and value. */
        OWN_SALES,
        /** The (subject's) branch's attributed sales; needs op and value. */
        BRANCH_AMOUNT,
        /** The (subject's) branch's sales as a percentage of its target; needs target, op and value. */
        BRANCH_AMOUNT_PCT_OF
    }

    public enum Op {
        GE(">="), GT(">"), LE("<="), LT("<"), EQ("==");

        private final String symbol;

        Op(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        public static Op of(String symbol) {
            for (Op op : values()) {
                if (op.symbol.equals(symbol)) {
                    return op;
                }
            }
            return null;
        }

        public boolean test(int comparison) {
            return switch (this) {
                case GE -> comparison >= 0;
                case GT -> comparison > 0;
                case LE -> comparison <= 0;
                case LT -> comparison < 0;
                case EQ -> comparison == 0;
            };
        }
    }

    /** What an award ranks on. */
    public enum RankMetric {
        /** When the branch reached {@code target}: earliest first (the speed award). */
        REACHED_AT,
        /** Attributed sales, highest first. */
        AMOUNT,
        /** Sales / starting target (for a salesperson: of their branch's), highest first. */
        PCT_OF_STARTING,
        /** Sales / budget target (for a salesperson: of their branch's), highest first. */
        PCT_OF_BUDGET
    }

    /** Only sharing is defined ("并列者平分"): tied subjects split the places they occupy. */
    public enum TieRule {
        SHARE
    }

    /** A predicate; an award's conditions are combined with AND. */
    public record Condition(ConditionMetric metric, Target target, Op op, BigDecimal value) {

        public Condition {
            Objects.requireNonNull(metric, "metric");
        }
    }

    public record Ranking(RankMetric metric, Target target) {

        public Ranking {
            Objects.requireNonNull(metric, "metric");
        }
    }

    /** The prize of each place {@code from..to} (inclusive). */
    public record Band(int from, int to, BigDecimal amount) {

        public int places() {
            return to - from + 1;
        }
    }

    /**
     * Fewer subjects than prized places met the award's conditions: the remaining places go to subjects meeting
     * these (weaker) conditions, ranked on their own metric, after every main qualifier ("补齐").
     */
    public record FillIn(List<Condition> qualify, Ranking rankBy, AwardRule rule) {

        public FillIn {
            qualify = List.copyOf(qualify);
        }
    }

    /** A person sharing their branch's award under a role. */
    public record Recipient(String staffId, String role) {
    }

    /**
     * A branch's award split among its named people by role weight (manager 1, staff 0.5);
     * a branch without named recipients keeps its award whole.
     */
    public record RoleSplit(Map<String, BigDecimal> weights, Map<String, List<Recipient>> recipients) {

        public RoleSplit {
            weights = Map.copyOf(weights);
            recipients = recipients == null ? Map.of() : Map.copyOf(recipients);
        }
    }

    /**
     * One award.
     *
     * @param name         unique in the rule set, e.g. "speed"
     * @param qualify      conditions combined with AND; empty: every subject qualifies
     * @param bands        contiguous from place 1; places after the last band pay nothing
     * @param listUnplaced whether qualifiers beyond the prized places are listed (with 0)
     * @param fillIn       null: no fill-in
     * @param split        null: no split (always null for salespeople)
     * @param rule         the label of the lines the main conditions produce
     */
    public record Award(String name, Subject subject, List<Condition> qualify, Ranking rankBy, List<Band> bands,
                        boolean listUnplaced, FillIn fillIn, TieRule ties, RoleSplit split, AwardRule rule) {

        public Award {
            qualify = List.copyOf(qualify);
            bands = List.copyOf(bands);
        }

        public int placesAwarded() {
            return bands.isEmpty() ? 0 : bands.get(bands.size() - 1).to();
        }

        /** The sum of the prizes of places {@code from..from+count-1}: what a tie occupying them shares. */
        public BigDecimal prizesFor(int from, int count) {
            BigDecimal sum = BigDecimal.ZERO;
            for (int p = from; p < from + count; p++) {
                for (Band b : bands) {
                    if (p >= b.from() && p <= b.to()) {
                        sum = sum.add(b.amount());
                    }
                }
            }
            return com.example.mkt.campaign.money.Money.of(sum);
        }

        public BigDecimal total() {
            return prizesFor(1, placesAwarded());
        }
    }

    /** The cap: the pool when stated, else what the bands can pay in all. */
    public BigDecimal effectivePool() {
        return pool != null ? pool : bandsTotal();
    }

    public BigDecimal bandsTotal() {
        return com.example.mkt.campaign.money.Money.sum(awards.stream().map(Award::total).toList());
    }
}
