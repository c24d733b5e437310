package com.example.mkt.campaign.award;

import com.example.mkt.campaign.config.Policies;
import com.example.mkt.rest.security.Roles;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * GET /api/v1/campaigns/award-rule-presets: ready-made rule sets (built from the configured defaults), to PUT to
 * a campaign's award-rules as they are or changed.
 */
@Path("/api/v1/campaigns/award-rule-presets")
@RolesAllowed({Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST})
public class AwardPresetResource {

    public record PresetView(String name, String description, Map<String, Object> rules) {
    }

    private final Policies policies;

    public AwardPresetResource(Policies policies) {
        this.policies = policies;
    }

    @GET
    public List<PresetView> presets() {
        Map<String, AwardRuleSet> presets = new TreeMap<>(AwardPresets.all(policies.defaultAwards()));
        return presets.entrySet().stream().map(e -> new PresetView(e.getKey(), description(e.getKey()),
                AwardRuleDocument.write(e.getValue()))).toList();
    }

    private static String description(String preset) {
        return AwardPresets.DOMAIN_EXAMPLE.equals(preset)
                ? "docs/domain.md#awards: speed award to the first branches to reach their budget target (filled with"
                + " starting-target reachers when fewer did), split by role weight; individual award to salespeople"
                + " of branches at their starting target with own sales at or above the minimum, ranked by sales;"
                + " ties share"
                : preset;
    }
}
