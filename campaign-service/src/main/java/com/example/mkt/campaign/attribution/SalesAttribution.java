package com.example.mkt.campaign.attribution;

import com.example.mkt.campaign.campaign.Campaign;
import com.example.mkt.campaign.campaign.CampaignEvents;
import com.example.mkt.campaign.campaign.CampaignStore;
import com.example.mkt.campaign.config.Policies;
import com.example.mkt.campaign.evaluation.PurchaseHistory;
import com.example.mkt.campaign.segment.SegmentStore;
import com.example.mkt.campaign.shared.Api;
import com.example.mkt.campaign.target.TargetAllocation;
import com.example.mkt.campaign.target.ProgressStore;
import com.example.mkt.campaign.target.TargetWatch;
import com.example.mkt.eventing.consumer.InboundEvent;
import com.example.mkt.eventing.consumer.PoisonEventException;
import com.example.mkt.eventing.envelope.IsoTimes;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.rest.security.OrgDirectory;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Applies a batch of sales to every campaign that can still count them, in one transaction (the consumer's):
 * campaigns, segments and refunded originals are read once per batch, contributions and each running aggregate are
 * written with one statement each, and targets are re-checked from the aggregates, never from the history. A sale dated inside the period counts whenever it arrives,
 * so CLOSED campaigns still take late sales; a campaign that never ran (DRAFT..APPROVED) takes none.
 */
@ApplicationScoped
public class SalesAttribution {

    public static final String SALES_RECORDED = "sales.recorded";
    static final List<String> COUNTING_STATES = List.of("PILOT", "ACTIVE", "CLOSED");

    private final EntityManager em;
    private final CampaignStore campaigns;
    private final ContributionStore contributions;
    private final SegmentStore segments;
    private final CampaignAttributor attributor;
    private final OrgDirectory directory;
    private final TargetWatch targets;
    private final ProgressStore progress;
    private final Outbox outbox;
    private final PurchaseHistory purchases;
    private final Policies policies;
    private final Clock clock;
    private final SaleLedger ledger;

    public SalesAttribution(EntityManager em, CampaignStore campaigns, ContributionStore contributions,
                            SegmentStore segments, CampaignAttributor attributor, OrgDirectory directory,
                            TargetWatch targets, ProgressStore progress, Outbox outbox, PurchaseHistory purchases,
                            Policies policies, Clock clock, SaleLedger ledger) {
        this.em = em;
        this.campaigns = campaigns;
        this.contributions = contributions;
        this.segments = segments;
        this.attributor = attributor;
        this.directory = directory;
        this.targets = targets;
        this.progress = progress;
        this.outbox = outbox;
        this.purchases = purchases;
        this.policies = policies;
        this.clock = clock;
        this.ledger = ledger;
    }

    private record Target(Campaign campaign, CampaignScope scope, TargetAllocation allocation) {
    }

    public void apply(List<InboundEvent> events) throws Exception {
        Map<String, BigDecimal> amounts = new HashMap<>();
        List<Sale> sales = parseAll(events, amounts);
        if (sales.isEmpty()) {
            return;
        }
        Map<String, BigDecimal> originals = ledger.recordAndCheck(sales, amounts);
        recordPurchaseDays(sales);
        List<Target> targetsOf = countingCampaigns();
        if (targetsOf.isEmpty()) {
            return;
        }
        List<ContributionStore.Row> rows = attributeAll(sales, targetsOf, new Amounts(amounts, originals));
        if (rows.isEmpty()) {
            return;
        }
        Map<String, Campaign> touched = touchedCampaigns(targetsOf, rows);
        targets.lock(touched.keySet());
        List<ContributionStore.Row> inserted = contributions.insert(rows, clock.instant());
        if (inserted.isEmpty()) {
            return;
        }
        Map<ProgressStore.BranchKey, BigDecimal> totals = progress.add(inserted);
        publish(touched, inserted, totals);
    }

    /** The campaigns the batch's rows count for, by id: the ones whose targets are locked and rechecked. */
    private static Map<String, Campaign> touchedCampaigns(List<Target> targetsOf, List<ContributionStore.Row> rows) {
        Map<String, Campaign> touched = new TreeMap<>();
        targetsOf.forEach(t -> touched.put(t.campaign().id, t.campaign()));
        touched.keySet().retainAll(rows.stream().map(ContributionStore.Row::campaignId).toList());
        return touched;
    }

    /** Progress of every campaign and branch the batch moved, then the targets it reached, in one outbox write. */
    private void publish(Map<String, Campaign> touched, List<ContributionStore.Row> inserted,
            Map<ProgressStore.BranchKey, BigDecimal> totals) throws Exception {
        List<OutboundEvent> out = new ArrayList<>(progressChanged(inserted, totals, touched));
        out.addAll(targets.recheck(touched, inserted, totals));
        outbox.publishAll(out);
    }

    /** The sales and refunds of the batch; {@code amounts} gets each one's amount, without sign. */
    private static List<Sale> parseAll(List<InboundEvent> events, Map<String, BigDecimal> amounts) {
        List<Sale> sales = new ArrayList<>();
        for (InboundEvent event : events) {
            if (SALES_RECORDED.equals(event.type())) {
                Sale sale = parse(event);
                if (sale != null) {
                    sales.add(sale);
                    amounts.putIfAbsent(sale.eventId(), new BigDecimal(event.envelope().data().path("amount")
                            .asText("0")).abs());
                }
            }
        }
        return sales;
    }

    /** Each sale's amount and, for refunds, their originals' amounts. */
    private record Amounts(Map<String, BigDecimal> own, Map<String, BigDecimal> originals) {
    }

    private List<Target> countingCampaigns() {
        return em.createQuery("from Campaign where state in :states order by id", Campaign.class)
                .setParameter("states", COUNTING_STATES).getResultList().stream()
                .map(c -> new Target(c, campaigns.definition(c).scope(c.code), campaigns.allocation(c))).toList();
    }

    /** Every (sale, campaign) that counts, with segments and refunded originals read once for the batch. */
    private List<ContributionStore.Row> attributeAll(List<Sale> sales, List<Target> targetsOf, Amounts amounts)
            throws Exception {
        Set<String> customers = new HashSet<>();
        Set<String> refunded = new HashSet<>();
        for (Sale s : sales) {
            if (s.customerId() != null) {
                customers.add(s.customerId());
            }
            if (s.refundOf() != null) {
                refunded.add(s.refundOf());
            }
        }
        Map<String, Set<String>> segmentsByCustomer = segments.segmentsOf(customers);
        Map<List<String>, ContributionStore.Row> originals = new HashMap<>(contributions.originals(refunded));
        List<ContributionStore.Row> rows = new ArrayList<>();
        for (Sale raw : sales) {
            Sale sale = withSegments(raw, segmentsByCustomer.getOrDefault(raw.customerId(), Set.of()));
            for (Target t : targetsOf) {
                Attribution a = attribute(t, sale, originals, amounts);
                if (!a.counted()) {
                    continue;
                }
                ContributionStore.Row row = new ContributionStore.Row(t.campaign().id, sale.eventId(),
                        sale.kind().name(), sale.refundOf(), branchOf(sale.orgUnit(), t.allocation()), sale.orgUnit(),
                        sale.salesperson(), sale.customerId(), sale.occurredAt(), a.amount(), a.subWindow());
                rows.add(row);
                // a refund later in the same batch finds its original here
                originals.put(List.of(row.campaignId(), row.saleEventId()), row);
            }
        }
        return rows;
    }

    /** One campaign.progress-changed per campaign and branch the batch moved (see its schema for why not per sale). */
    private static List<OutboundEvent> progressChanged(List<ContributionStore.Row> inserted,
            Map<ProgressStore.BranchKey, BigDecimal> totals, Map<String, Campaign> byId) {
        Map<ProgressStore.BranchKey, BigDecimal> added = new TreeMap<>(
                java.util.Comparator.comparing(ProgressStore.BranchKey::campaignId)
                        .thenComparing(ProgressStore.BranchKey::branch));
        Map<ProgressStore.BranchKey, Integer> counts = new HashMap<>();
        for (ContributionStore.Row r : inserted) {
            ProgressStore.BranchKey key = new ProgressStore.BranchKey(r.campaignId(), r.branch());
            added.merge(key, r.amount(), BigDecimal::add);
            counts.merge(key, 1, Integer::sum);
        }
        List<OutboundEvent> out = new ArrayList<>();
        added.forEach((key, amount) -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("campaignId", key.campaignId());
            data.put("code", byId.get(key.campaignId()).code);
            data.put("branch", key.branch());
            data.put("added", Api.money(amount));
            data.put("contributions", counts.get(key));
            data.put("achieved", Api.money(totals.get(key)));
            data.put("currency", Api.CURRENCY);
            out.add(CampaignEvents.of(CampaignEvents.PROGRESS_CHANGED, key.campaignId(), data));
        });
        return out;
    }

    /** Every customer's purchase days, attributed or not: retention counts any later purchase. */
    private void recordPurchaseDays(List<Sale> sales) throws java.sql.SQLException {
        Map<String, SortedSet<LocalDate>> days = new HashMap<>();
        for (Sale s : sales) {
            if (s.kind() == SaleKind.SALE && s.customerId() != null) {
                days.computeIfAbsent(s.customerId(), k -> new TreeSet<>())
                        .add(s.occurredAt().atZone(policies.zone()).toLocalDate());
            }
        }
        purchases.record(days);
    }

    private Attribution attribute(Target t, Sale sale, Map<List<String>, ContributionStore.Row> originals,
            Amounts amounts) {
        if (sale.kind() != SaleKind.REFUND) {
            return attributor.attribute(t.scope(), sale);
        }
        ContributionStore.Row original = sale.refundOf() == null ? null
                : originals.get(List.of(t.campaign().id, sale.refundOf()));
        if (original != null && sale.items().isEmpty()) {
            return shareOf(original, amounts.own().get(sale.eventId()), amounts.originals().get(sale.refundOf()));
        }
        Attribution originalAttribution = original == null
                ? new Attribution(false, BigDecimal.ZERO, List.of(), null, Set.of(), List.of())
                : new Attribution(true, original.amount(), List.of(), original.subWindow(), Set.of(), List.of());
        return attributor.attributeRefund(t.scope(), sale, originalAttribution);
    }

    /**
     * A refund that names only its original (no items): it takes back the share of the original's contribution that
     * its amount is of the original sale's amount (all of it for a full refund), rounded half up to the cent.
     */
    private static Attribution shareOf(ContributionStore.Row original, BigDecimal refund, BigDecimal saleAmount) {
        BigDecimal share = saleAmount == null || saleAmount.signum() == 0 ? BigDecimal.ZERO
                : refund.compareTo(saleAmount) >= 0 ? original.amount()
                : original.amount().multiply(refund).divide(saleAmount, 2, java.math.RoundingMode.HALF_UP);
        return new Attribution(share.signum() != 0, share.negate(), List.of(), original.subWindow(), Set.of(),
                List.of(AttributionReason.REFUND_OF_ATTRIBUTED_SALE));
    }

    /**
     * The allocated unit a sale counts for: the unit it names or its nearest allocated ancestor (a team's sale
     * counts for its branch); a unit outside the allocation counts as itself (reported as unallocated).
     */
    private String branchOf(String orgUnit, TargetAllocation allocation) {
        if (allocation.of(orgUnit).isPresent()) {
            return orgUnit;
        }
        for (String ancestor : directory.ancestors(orgUnit)) {
            if (allocation.of(ancestor).isPresent()) {
                return ancestor;
            }
        }
        return orgUnit;
    }

    private static Sale withSegments(Sale s, Set<String> segments) {
        return new Sale(s.eventId(), s.kind(), s.occurredAt(), s.customerId(), segments, s.orgUnit(), s.salesperson(),
                s.campaignCode(), s.items(), s.refundOf());
    }

    /**
     * The sale's facts as this service reads them; null for kinds that carry no revenue here (CONTRACT, or a kind
     * added later). A record missing what every sale has can never apply: poison.
     */
    static Sale parse(InboundEvent event) {
        JsonNode d = event.envelope().data();
        String kindText = d.path("kind").asText("");
        SaleKind kind;
        try {
            kind = SaleKind.valueOf(kindText);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String eventId = d.path("eventId").asText("");
        String orgUnit = d.path("orgUnit").asText("");
        Instant at;
        try {
            at = IsoTimes.parseOffsetDateTime(d.path("occurredAt").asText("")).toInstant();
        } catch (DateTimeParseException e) {
            throw new PoisonEventException("sale " + eventId + ": occurredAt is not ISO-8601 with an offset");
        }
        if (eventId.isBlank() || orgUnit.isBlank()) {
            throw new PoisonEventException("sale " + eventId + " lacks eventId or orgUnit");
        }
        List<SaleItem> items = new ArrayList<>();
        for (JsonNode item : d.path("items")) {
            try {
                items.add(new SaleItem(item.path("productCode").asText(""),
                        new BigDecimal(item.path("quantity").asText("0")),
                        new BigDecimal(item.path("unitPrice").asText("0"))));
            } catch (NumberFormatException e) {
                throw new PoisonEventException("sale " + eventId + ": an item's quantity or unitPrice is not a number");
            }
        }
        String customer = text(d.path("customer"), "id");
        if (customer == null) {
            customer = text(d.path("customer"), "externalRef");
        }
        return new Sale(eventId, kind, at, customer, Set.of(), orgUnit, text(d, "salesperson"),
                text(d, "campaignCode"), items, text(d, "refundOf"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.path(field);
        return v.isTextual() && !v.asText().isBlank() ? v.asText() : null;
    }
}
