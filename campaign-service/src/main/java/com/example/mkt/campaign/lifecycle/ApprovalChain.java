package com.example.mkt.campaign.lifecycle;

import java.util.HashSet;
import java.util.List;

/**
 * The ordered reviewer roles a campaign passes before it is APPROVED ("允许多个岗位进行审核", "可配置多级审批";
 * docs/domain.md#campaign-review-and-approval). Roles are the platform's role names
 * (docs/api.md#authentication-and-roles).
 */
public record ApprovalChain(List<String> roles) {

    public ApprovalChain {
        if (roles == null || roles.isEmpty()) {
            throw new IllegalArgumentException("an approval chain needs at least one role");
        }
        if (new HashSet<>(roles).size() != roles.size()) {
            throw new IllegalArgumentException("a role appears twice in the approval chain: " + roles);
        }
        for (String role : roles) {
            if (role == null || role.isBlank()) {
                throw new IllegalArgumentException("blank role in approval chain");
            }
        }
        roles = List.copyOf(roles);
    }

    public static ApprovalChain of(String... roles) {
        return new ApprovalChain(List.of(roles));
    }

    public int levels() {
        return roles.size();
    }
}
