package com.example.mkt.kpi.org;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrgTreeTest {

    static OrgTree sample() {
        return OrgTree.of(Map.of(
                "R-EAST", "HQ",
                "R-WEST", "HQ",
                "B-NANCHANG", "R-EAST",
                "B-HANGZHOU", "R-EAST",
                "T-NANCHANG-1", "B-NANCHANG",
                "T-NANCHANG-2", "B-NANCHANG"));
    }

    @Test
    void walksFromTeamToHq() {
        assertEquals(List.of("T-NANCHANG-1", "B-NANCHANG", "R-EAST", "HQ"), sample().selfAndAncestors("T-NANCHANG-1"));
        assertEquals(List.of("HQ"), sample().selfAndAncestors("HQ"));
    }

    @Test
    void parentOfRootIsEmpty() {
        assertEquals(Optional.empty(), sample().parent("HQ"));
        assertEquals(Optional.of("R-EAST"), sample().parent("B-HANGZHOU"));
    }

    @Test
    void childrenAreDirectOnly() {
        assertEquals(Set.of("R-EAST", "R-WEST"), sample().children("HQ"));
        assertEquals(Set.of(), sample().children("T-NANCHANG-1"));
    }

    @Test
    void explicitNullParentMakesARoot() {
        Map<String, String> map = new HashMap<>();
        map.put("HQ", null);
        map.put("R-EAST", "HQ");
        OrgTree tree = OrgTree.of(map);
        assertTrue(tree.contains("HQ"));
        assertEquals(List.of("R-EAST", "HQ"), tree.selfAndAncestors("R-EAST"));
    }

    @Test
    void unknownUnitIsRejected() {
        assertFalse(sample().contains("B-NOWHERE"));
        assertThrows(IllegalArgumentException.class, () -> sample().selfAndAncestors("B-NOWHERE"));
    }

    @Test
    void cyclesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> OrgTree.of(Map.of("A", "B", "B", "A")));
        assertThrows(IllegalArgumentException.class, () -> OrgTree.of(Map.of("A", "A")));
        assertThrows(IllegalArgumentException.class, () -> OrgTree.of(Map.of("A", "B", "B", "C", "C", "A")));
    }
}
