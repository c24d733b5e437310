package com.example.mkt.planning.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class OrgScopeTest {

    private final OrgTree tree = OrgTreeTest.sampleTree();

    @Test
    void branchManagerSeesBranchAndTeamsOnly() {
        OrgScope scope = OrgScope.ofUnit(tree, "B-NANCHANG");
        assertTrue(scope.covers("B-NANCHANG"));
        assertTrue(scope.covers("T-NANCHANG-2"));
        assertFalse(scope.covers("R-EAST"));
        assertFalse(scope.covers("B-HANGZHOU"));
        assertFalse(scope.covers("HQ"));
        assertEquals(List.of("B-NANCHANG", "T-NANCHANG-1", "T-NANCHANG-2"), List.copyOf(scope.visibleUnitCodes()));
    }

    @Test
    void teamMemberSeesOwnTeam() {
        OrgScope scope = OrgScope.ofUnit(tree, "T-NANCHANG-1");
        assertEquals(Set.of("T-NANCHANG-1"), scope.visibleUnitCodes());
        assertFalse(scope.covers("T-NANCHANG-2"));
    }

    @Test
    void unrestrictedSeesEveryKnownUnit() {
        OrgScope scope = OrgScope.unrestricted(tree);
        assertTrue(scope.isUnrestricted());
        assertTrue(scope.covers("B-GUANGZHOU"));
        assertFalse(scope.covers("B-NOWHERE"));
        assertEquals(tree.size(), scope.visibleUnitCodes().size());
    }

    @Test
    void unknownUserUnitSeesNothing() {
        OrgScope scope = OrgScope.ofUnit(tree, "B-CLOSED");
        assertFalse(scope.covers("HQ"));
        assertFalse(scope.covers("B-CLOSED"));
        assertEquals(Set.of(), scope.visibleUnitCodes());
    }
}
