package com.example.mkt.campaign.campaign;

import com.example.mkt.campaign.award.AwardPresets;
import com.example.mkt.campaign.award.AwardRuleDocument;
import com.example.mkt.campaign.award.AwardRuleSet;
import com.example.mkt.campaign.lifecycle.CampaignLifecycle;
import com.example.mkt.campaign.target.TargetAllocation;
import com.example.mkt.eventing.jdbc.TextArrays;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.OrgScope;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Loads and saves the campaign aggregate and reads its JSON parts into the domain types. */
@ApplicationScoped
public class CampaignStore {

    private final EntityManager em;
    private final ObjectMapper json;

    public CampaignStore(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    public Optional<Campaign> find(String id) {
        return Optional.ofNullable(em.find(Campaign.class, id));
    }

    /** The campaign if it exists and the caller may see it; 404 otherwise (docs/api.md#org-scope). */
    public Campaign visible(String id, OrgScope scope) {
        Campaign c = find(id).orElseThrow(() -> ApiException.notFound("campaign", id));
        if (!canSee(c, scope)) {
            throw ApiException.notFound("campaign", id);
        }
        return c;
    }

    /** A campaign is visible to its owning unit's subtree and to every allocated branch's subtree-holders. */
    public static boolean canSee(Campaign c, OrgScope scope) {
        Optional<Set<String>> units = scope.visibleUnits();
        if (units.isEmpty()) {
            return true;
        }
        return units.get().contains(c.orgUnit) || Arrays.stream(c.branches).anyMatch(units.get()::contains);
    }

    /**
     * A page of campaigns in id order (keyset), limited to those the caller may see; {@code units} empty means the
     * whole company.
     */
    @SuppressWarnings("unchecked")
    public java.util.List<Campaign> page(Optional<Set<String>> units, String state, String after, int fetch) {
        StringBuilder sql = new StringBuilder("SELECT * FROM campaign WHERE id > :after");
        if (units.isPresent()) {
            sql.append(" AND (org_unit = ANY(CAST(:units AS text[])) OR branches && CAST(:units AS text[]))");
        }
        if (state != null) {
            sql.append(" AND state = :state");
        }
        sql.append(" ORDER BY id LIMIT :fetch");
        jakarta.persistence.Query q = em.createNativeQuery(sql.toString(), Campaign.class)
                .setParameter("after", after).setParameter("fetch", fetch);
        units.ifPresent(u -> q.setParameter("units", TextArrays.literal(u)));
        if (state != null) {
            q.setParameter("state", state);
        }
        return q.getResultList();
    }

    /** A PostgreSQL text[] literal; codes are quoted so that no element can break out. */
    public void persist(Campaign c) {
        em.persist(c);
    }

    public boolean codeTaken(String code, String exceptId) {
        return !em.createQuery("select c.id from Campaign c where upper(c.code) = upper(:code) and c.id <> :id",
                        String.class)
                .setParameter("code", code).setParameter("id", exceptId == null ? "" : exceptId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    public CampaignDefinition definition(Campaign c) {
        return read(c.definition, CampaignDefinition.class);
    }

    public TargetAllocation allocation(Campaign c) {
        return read(c.allocation, TargetAllocation.class);
    }

    /**
     * The campaign's award rule set. Rules stored before rule sets existed (the fixed speed + individual shape)
     * are read as the rule set they always meant.
     */
    public AwardRuleSet awardRules(Campaign c) {
        try {
            JsonNode doc = json.readTree(c.awardRules);
            if (doc.has("awards")) {
                AwardRuleDocument.Parsed parsed = AwardRuleDocument.parse(doc);
                if (!parsed.valid()) {
                    throw new IllegalStateException("stored award rules of " + c.id + " are invalid: "
                            + parsed.errors());
                }
                return parsed.rules();
            }
            AwardRules legacy = json.treeToValue(doc, AwardRules.class);
            return AwardPresets.of(legacy.policy(), legacy.speedRecipients());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored award rules of " + c.id + " are unreadable", e);
        }
    }

    public String writeAwardRules(AwardRuleSet rules) {
        return write(AwardRuleDocument.write(rules));
    }

    public CampaignLifecycle lifecycle(Campaign c) {
        return read(c.lifecycle, CampaignLifecycle.class);
    }

    public Map<String, BigDecimal> costs(Campaign c) {
        try {
            return json.readValue(c.costs, new TypeReference<Map<String, BigDecimal>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored costs of " + c.id + " are unreadable", e);
        }
    }

    public String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName(), e);
        }
    }

    private <T> T read(String text, Class<T> type) {
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored " + type.getSimpleName() + " is unreadable", e);
        }
    }
}
