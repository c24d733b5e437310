package com.example.mkt.planning.org;

import static com.example.mkt.planning.org.OrgRuleViolation.Reason;
import static com.example.mkt.planning.org.OrgUnitKind.BRANCH;
import static com.example.mkt.planning.org.OrgUnitKind.HQ;
import static com.example.mkt.planning.org.OrgUnitKind.REGION;
import static com.example.mkt.planning.org.OrgUnitKind.TEAM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OrgTreeTest {

    private static final OrgStructurePolicy POLICY = OrgStructurePolicy.defaults();

    static List<OrgUnit> sampleUnits() {
        return List.of(
                new OrgUnit("HQ", "总部", HQ, null),
                new OrgUnit("R-EAST", "华东大区", REGION, "HQ"),
                new OrgUnit("R-SOUTH", "华南大区", REGION, "HQ"),
                new OrgUnit("B-NANCHANG", "南昌分公司", BRANCH, "R-EAST"),
                new OrgUnit("B-HANGZHOU", "杭州分公司", BRANCH, "R-EAST"),
                new OrgUnit("B-GUANGZHOU", "广州分公司", BRANCH, "R-SOUTH"),
                new OrgUnit("B-DIRECT", "总部直属分公司", BRANCH, "HQ"),
                new OrgUnit("T-NANCHANG-1", "南昌一组", TEAM, "B-NANCHANG"),
                new OrgUnit("T-NANCHANG-2", "南昌二组", TEAM, "B-NANCHANG"));
    }

    static OrgTree sampleTree() {
        return OrgTree.of(POLICY, sampleUnits());
    }

    private static List<OrgUnit> with(List<OrgUnit> base, OrgUnit... extra) {
        List<OrgUnit> units = new ArrayList<>(base);
        units.addAll(List.of(extra));
        return units;
    }

    private static Set<Reason> reasons(List<OrgRuleViolation> violations) {
        return Set.copyOf(violations.stream().map(OrgRuleViolation::reason).toList());
    }

    private static List<String> codes(List<OrgUnit> units) {
        return units.stream().map(OrgUnit::code).toList();
    }

    @Nested
    class CodeFormat {

        @ParameterizedTest
        @ValueSource(strings = {"HQ", "R-EAST", "B-NANCHANG", "T-NANCHANG-1", "A", "9",
                "ABCDEFGHIJKLMNOPQRSTUVWXYZ012345"})
        void accepts(String code) {
            assertTrue(OrgUnit.isValidCode(code));
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "r-east", "R_EAST", "R EAST", "南昌", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456", "R-EAST\n"})
        void rejects(String code) {
            assertFalse(OrgUnit.isValidCode(code));
        }

        @Test
        void rejectsNull() {
            assertFalse(OrgUnit.isValidCode(null));
        }

        @Test
        void invalidCodeIsReportedWithTheUnit() {
            List<OrgRuleViolation> violations = OrgTree.validate(POLICY,
                    with(sampleUnits(), new OrgUnit("t-lower", "小组", TEAM, "B-NANCHANG")));
            assertEquals(List.of(new OrgRuleViolation("t-lower", Reason.INVALID_CODE,
                    "code must be 1-32 upper-case letters, digits or hyphens")), violations);
        }
    }

    @Nested
    class Validation {

        @Test
        void sampleIsValid() {
            assertEquals(List.of(), OrgTree.validate(POLICY, sampleUnits()));
        }

        @Test
        void emptyInputHasNoHq() {
            List<OrgRuleViolation> violations = OrgTree.validate(POLICY, List.of());
            assertEquals(Set.of(Reason.NO_HQ), reasons(violations));
        }

        @Test
        void hqAloneIsValid() {
            OrgTree tree = OrgTree.of(POLICY, List.of(new OrgUnit("HQ", "总部", HQ, null)));
            assertEquals(1, tree.size());
            assertEquals(List.of(), tree.descendants("HQ"));
        }

        @Test
        void secondHqNamesBoth() {
            List<OrgRuleViolation> violations = OrgTree.validate(POLICY,
                    with(sampleUnits(), new OrgUnit("HQ2", "第二总部", HQ, null)));
            assertEquals(List.of("HQ", "HQ2"), violations.stream()
                    .filter(v -> v.reason() == Reason.MULTIPLE_HQ).map(OrgRuleViolation::unitCode).sorted().toList());
        }

        @Test
        void hqWithParent() {
            List<OrgRuleViolation> violations = OrgTree.validate(POLICY, List.of(
                    new OrgUnit("HQ", "总部", HQ, "R-EAST"), new OrgUnit("R-EAST", "华东", REGION, "HQ")));
            assertTrue(violations.contains(new OrgRuleViolation("HQ", Reason.HQ_HAS_PARENT, "HQ cannot have a parent")));
        }

        @Test
        void inactiveHq() {
            List<OrgRuleViolation> violations = OrgTree.validate(POLICY,
                    List.of(new OrgUnit("HQ", "总部", HQ, null, false)));
            assertEquals(Set.of(Reason.HQ_INACTIVE), reasons(violations));
        }

        @Test
        void duplicateCode() {
            List<OrgRuleViolation> violations = OrgTree.validate(POLICY,
                    with(sampleUnits(), new OrgUnit("R-EAST", "重复", REGION, "HQ")));
            assertEquals(List.of(new OrgRuleViolation("R-EAST", Reason.DUPLICATE_CODE, "code is used twice")), violations);
        }

        @Test
        void blankAndTooLongNames() {
            String hundredAndOneChinese = "南".repeat(101);
            List<OrgRuleViolation> violations = OrgTree.validate(POLICY, with(sampleUnits(),
                    new OrgUnit("T-BLANK", "  ", TEAM, "B-NANCHANG"),
                    new OrgUnit("T-LONG", hundredAndOneChinese, TEAM, "B-NANCHANG")));
            assertEquals(Set.of(Reason.BLANK_NAME, Reason.NAME_TOO_LONG), reasons(violations));
        }

        @Test
        void nameLengthCountsCharactersNotUtf16Units() {
            // U+20BB7 (𠮷) is one character but two UTF-16 units; 100 of them are exactly at the limit.
            String hundredSupplementary = "\uD842\uDFB7".repeat(100);
            assertEquals(List.of(), OrgTree.validate(POLICY,
                    with(sampleUnits(), new OrgUnit("T-RARE", hundredSupplementary, TEAM, "B-NANCHANG"))));
        }

        @Test
        void missingAndUnknownParent() {
            List<OrgRuleViolation> violations = OrgTree.validate(POLICY, with(sampleUnits(),
                    new OrgUnit("R-NORTH", "华北", REGION, null),
                    new OrgUnit("T-GHOST", "幽灵组", TEAM, "B-NOWHERE")));
            assertEquals(Map.of("R-NORTH", Reason.MISSING_PARENT, "T-GHOST", Reason.UNKNOWN_PARENT),
                    Map.of(violations.get(0).unitCode(), violations.get(0).reason(),
                            violations.get(1).unitCode(), violations.get(1).reason()));
        }

        @Test
        void kindRules() {
            List<OrgRuleViolation> violations = OrgTree.validate(POLICY, with(sampleUnits(),
                    new OrgUnit("R-UNDER-R", "区下区", REGION, "R-EAST"),
                    new OrgUnit("T-UNDER-R", "区下组", TEAM, "R-EAST"),
                    new OrgUnit("T-UNDER-HQ", "总部下组", TEAM, "HQ"),
                    new OrgUnit("B-UNDER-T", "组下分公司", BRANCH, "T-NANCHANG-1"),
                    new OrgUnit("T-UNDER-T", "组下组", TEAM, "T-NANCHANG-1")));
            assertEquals(List.of("B-UNDER-T", "R-UNDER-R", "T-UNDER-HQ", "T-UNDER-R", "T-UNDER-T"),
                    violations.stream().filter(v -> v.reason() == Reason.PARENT_KIND_NOT_ALLOWED)
                            .map(OrgRuleViolation::unitCode).sorted().toList());
            assertEquals(5, violations.size());
        }

        @Test
        void branchUnderHqCanBeForbiddenByPolicy() {
            OrgStructurePolicy strict = new OrgStructurePolicy(Map.of(
                    REGION, Set.of(HQ), BRANCH, Set.of(REGION), TEAM, Set.of(BRANCH)), 100);
            List<OrgRuleViolation> violations = OrgTree.validate(strict, sampleUnits());
            assertEquals(1, violations.size());
            assertEquals("B-DIRECT", violations.get(0).unitCode());
            assertEquals(Reason.PARENT_KIND_NOT_ALLOWED, violations.get(0).reason());
        }

        @Test
        void policyRejectsAParentForHq() {
            assertThrows(IllegalArgumentException.class,
                    () -> new OrgStructurePolicy(Map.of(HQ, Set.of(REGION)), 100));
        }

        @Test
        void cycleNamesOnlyTheUnitsOnIt() {
            OrgStructurePolicy loose = new OrgStructurePolicy(Map.of(
                    REGION, Set.of(HQ), BRANCH, Set.of(REGION, HQ, BRANCH), TEAM, Set.of(BRANCH)), 100);
            List<OrgRuleViolation> violations = OrgTree.validate(loose, List.of(
                    new OrgUnit("HQ", "总部", HQ, null),
                    new OrgUnit("B-A", "甲", BRANCH, "B-B"),
                    new OrgUnit("B-B", "乙", BRANCH, "B-A"),
                    new OrgUnit("T-UNDER-CYCLE", "环下组", TEAM, "B-A")));
            assertEquals(List.of("B-A", "B-B"), violations.stream()
                    .filter(v -> v.reason() == Reason.CYCLE).map(OrgRuleViolation::unitCode).toList());
            assertEquals(2, violations.size());
        }

        @Test
        void selfParentIsACycle() {
            OrgStructurePolicy loose = new OrgStructurePolicy(Map.of(BRANCH, Set.of(BRANCH, HQ)), 100);
            List<OrgRuleViolation> violations = OrgTree.validate(loose, List.of(
                    new OrgUnit("HQ", "总部", HQ, null), new OrgUnit("B-SELF", "自指", BRANCH, "B-SELF")));
            assertEquals(List.of(new OrgRuleViolation("B-SELF", Reason.CYCLE, "unit is its own ancestor")), violations);
        }

        @Test
        void activeUnitUnderInactiveParent() {
            List<OrgUnit> units = new ArrayList<>(sampleUnits());
            units.replaceAll(u -> u.code().equals("B-NANCHANG") ? u.withActive(false) : u);
            List<OrgRuleViolation> violations = OrgTree.validate(POLICY, units);
            assertEquals(List.of("T-NANCHANG-1", "T-NANCHANG-2"),
                    violations.stream().map(OrgRuleViolation::unitCode).sorted().toList());
            assertEquals(Set.of(Reason.INACTIVE_PARENT), reasons(violations));
        }

        @Test
        void ofThrowsWithAllViolations() {
            OrgRuleViolationException e = assertThrows(OrgRuleViolationException.class, () -> OrgTree.of(POLICY,
                    with(sampleUnits(), new OrgUnit("x", "", TEAM, "B-NONE"))));
            assertEquals(Set.of(Reason.INVALID_CODE, Reason.BLANK_NAME, Reason.UNKNOWN_PARENT), reasons(e.violations()));
            assertTrue(e.getMessage().contains("x: INVALID_CODE"));
        }
    }

    @Nested
    class Queries {

        private final OrgTree tree = sampleTree();

        @Test
        void rootAndOrder() {
            assertEquals("HQ", tree.root().code());
            assertEquals(List.of("HQ", "B-DIRECT", "R-EAST", "B-HANGZHOU", "B-NANCHANG", "T-NANCHANG-1",
                    "T-NANCHANG-2", "R-SOUTH", "B-GUANGZHOU"), codes(tree.units()));
        }

        @Test
        void ancestorsNearestFirst() {
            assertEquals(List.of("B-NANCHANG", "R-EAST", "HQ"), codes(tree.ancestors("T-NANCHANG-1")));
            assertEquals(List.of(), tree.ancestors("HQ"));
            assertEquals(List.of("HQ", "R-EAST", "B-NANCHANG", "T-NANCHANG-1"), codes(tree.pathFromRoot("T-NANCHANG-1")));
            assertEquals(3, tree.depth("T-NANCHANG-1"));
            assertEquals(0, tree.depth("HQ"));
        }

        @Test
        void childrenDescendantsSubtree() {
            assertEquals(List.of("B-HANGZHOU", "B-NANCHANG"), codes(tree.children("R-EAST")));
            assertEquals(List.of(), tree.children("T-NANCHANG-1"));
            assertEquals(List.of("B-HANGZHOU", "B-NANCHANG", "T-NANCHANG-1", "T-NANCHANG-2"),
                    codes(tree.descendants("R-EAST")));
            assertEquals(List.of("R-EAST", "B-HANGZHOU", "B-NANCHANG", "T-NANCHANG-1", "T-NANCHANG-2"),
                    codes(tree.subtree("R-EAST")));
            assertEquals(List.of("T-NANCHANG-2"), codes(tree.subtree("T-NANCHANG-2")));
            assertEquals(List.of(), tree.descendants("T-NANCHANG-2"));
        }

        @Test
        void parentOf() {
            assertEquals("R-EAST", tree.parentOf("B-NANCHANG").orElseThrow().code());
            assertTrue(tree.parentOf("HQ").isEmpty());
        }

        @Test
        void withinSubtree() {
            assertTrue(tree.isWithinSubtree("T-NANCHANG-1", "T-NANCHANG-1"));
            assertTrue(tree.isWithinSubtree("T-NANCHANG-1", "B-NANCHANG"));
            assertTrue(tree.isWithinSubtree("T-NANCHANG-1", "R-EAST"));
            assertTrue(tree.isWithinSubtree("T-NANCHANG-1", "HQ"));
            assertFalse(tree.isWithinSubtree("B-NANCHANG", "T-NANCHANG-1"));
            assertFalse(tree.isWithinSubtree("T-NANCHANG-1", "T-NANCHANG-2"));
            assertFalse(tree.isWithinSubtree("B-GUANGZHOU", "R-EAST"));
            assertFalse(tree.isWithinSubtree("HQ", "R-EAST"));
            assertFalse(tree.isWithinSubtree("B-NOWHERE", "HQ"));
            assertFalse(tree.isWithinSubtree("HQ", "B-NOWHERE"));
        }

        @Test
        void unknownUnitThrows() {
            UnknownOrgUnitException e = assertThrows(UnknownOrgUnitException.class, () -> tree.ancestors("NOPE"));
            assertEquals("NOPE", e.code());
            assertThrows(UnknownOrgUnitException.class, () -> tree.subtree("NOPE"));
            assertTrue(tree.find("NOPE").isEmpty());
        }

        @Test
        void chineseNamesRoundTrip() {
            assertEquals("南昌分公司", tree.get("B-NANCHANG").name());
        }

        @Test
        void inputOrderDoesNotMatter() {
            List<OrgUnit> reversed = new ArrayList<>(sampleUnits());
            java.util.Collections.reverse(reversed);
            assertEquals(codes(tree.units()), codes(OrgTree.of(POLICY, reversed).units()));
        }
    }

    @Nested
    class Changes {

        private final OrgTree tree = sampleTree();

        @Test
        void addTeam() {
            OrgTree next = tree.withAdded(new OrgUnit("T-HANGZHOU-1", "杭州一组", TEAM, "B-HANGZHOU"));
            assertTrue(next.isWithinSubtree("T-HANGZHOU-1", "R-EAST"));
            assertFalse(tree.contains("T-HANGZHOU-1"), "the original tree is unchanged");
        }

        @Test
        void addWithBadKindIsRejected() {
            OrgRuleViolationException e = assertThrows(OrgRuleViolationException.class,
                    () -> tree.withAdded(new OrgUnit("T-X", "组", TEAM, "R-EAST")));
            assertEquals(new OrgRuleViolation("T-X", Reason.PARENT_KIND_NOT_ALLOWED,
                    "TEAM cannot be placed under REGION R-EAST; allowed parent kinds: [BRANCH]"), e.violations().get(0));
        }

        @Test
        void moveBranchToAnotherRegionCarriesItsTeams() {
            OrgTree next = tree.withMoved("B-NANCHANG", "R-SOUTH");
            assertTrue(next.isWithinSubtree("T-NANCHANG-1", "R-SOUTH"));
            assertFalse(next.isWithinSubtree("T-NANCHANG-1", "R-EAST"));
        }

        @Test
        void moveBranchDirectlyUnderHq() {
            assertEquals("HQ", tree.withMoved("B-NANCHANG", "HQ").parentOf("B-NANCHANG").orElseThrow().code());
        }

        @Test
        void moveBreakingKindRulesIsRejected() {
            OrgRuleViolationException e = assertThrows(OrgRuleViolationException.class,
                    () -> tree.withMoved("T-NANCHANG-1", "R-EAST"));
            assertEquals(Set.of(Reason.PARENT_KIND_NOT_ALLOWED), reasons(e.violations()));
        }

        @Test
        void moveUnderOwnDescendantIsRejectedAsCycle() {
            OrgStructurePolicy loose = new OrgStructurePolicy(Map.of(
                    REGION, Set.of(HQ), BRANCH, Set.of(REGION, HQ, BRANCH), TEAM, Set.of(BRANCH)), 100);
            OrgTree looseTree = OrgTree.of(loose, with(sampleUnits(),
                    new OrgUnit("B-SUB", "子分部", BRANCH, "B-NANCHANG")));
            OrgRuleViolationException e = assertThrows(OrgRuleViolationException.class,
                    () -> looseTree.withMoved("B-NANCHANG", "B-SUB"));
            assertTrue(reasons(e.violations()).contains(Reason.CYCLE));
            assertTrue(e.violations().stream().anyMatch(v -> v.unitCode().equals("B-NANCHANG")));
        }

        @Test
        void moveHqIsRejected() {
            OrgRuleViolationException e = assertThrows(OrgRuleViolationException.class,
                    () -> tree.withMoved("HQ", "R-EAST"));
            assertTrue(reasons(e.violations()).contains(Reason.HQ_HAS_PARENT));
        }

        @Test
        void moveToUnknownParentIsRejected() {
            OrgRuleViolationException e = assertThrows(OrgRuleViolationException.class,
                    () -> tree.withMoved("B-NANCHANG", "R-NOWHERE"));
            assertEquals(Set.of(Reason.UNKNOWN_PARENT), reasons(e.violations()));
        }

        @Test
        void rename() {
            assertEquals("南昌营销分公司", tree.withRenamed("B-NANCHANG", "南昌营销分公司").get("B-NANCHANG").name());
            assertThrows(OrgRuleViolationException.class, () -> tree.withRenamed("B-NANCHANG", " "));
        }

        @Test
        void deleteLeaf() {
            OrgTree next = tree.without("T-NANCHANG-2");
            assertFalse(next.contains("T-NANCHANG-2"));
            assertEquals(List.of("T-NANCHANG-1"), codes(next.children("B-NANCHANG")));
        }

        @Test
        void deleteWithChildrenIsRejected() {
            OrgRuleViolationException e = assertThrows(OrgRuleViolationException.class,
                    () -> tree.without("B-NANCHANG"));
            assertEquals(new OrgRuleViolation("B-NANCHANG", Reason.HAS_CHILDREN,
                    "move or delete its children first: [T-NANCHANG-1, T-NANCHANG-2]"), e.violations().get(0));
        }

        @Test
        void deleteWithOnlyInactiveChildrenIsStillRejected() {
            OrgTree next = tree.withDeactivated("T-NANCHANG-1").withDeactivated("T-NANCHANG-2");
            assertThrows(OrgRuleViolationException.class, () -> next.without("B-NANCHANG"));
        }

        @Test
        void deleteHqIsRejected() {
            OrgRuleViolationException e = assertThrows(OrgRuleViolationException.class, () -> tree.without("HQ"));
            assertEquals(Reason.HAS_CHILDREN, e.violations().get(0).reason());
            OrgTree alone = OrgTree.of(POLICY, List.of(new OrgUnit("HQ", "总部", HQ, null)));
            assertEquals(Set.of(Reason.NO_HQ),
                    reasons(assertThrows(OrgRuleViolationException.class, () -> alone.without("HQ")).violations()));
        }

        @Test
        void deleteUnknownThrows() {
            assertThrows(UnknownOrgUnitException.class, () -> tree.without("NOPE"));
        }

        @Test
        void deactivateWithActiveChildrenIsRejected() {
            OrgRuleViolationException e = assertThrows(OrgRuleViolationException.class,
                    () -> tree.withDeactivated("B-NANCHANG"));
            assertEquals(Reason.HAS_ACTIVE_CHILDREN, e.violations().get(0).reason());
        }

        @Test
        void deactivateBottomUpThenReactivateTopDown() {
            OrgTree retired = tree.withDeactivated("T-NANCHANG-1").withDeactivated("T-NANCHANG-2")
                    .withDeactivated("B-NANCHANG");
            assertFalse(retired.get("B-NANCHANG").active());
            assertTrue(retired.isWithinSubtree("T-NANCHANG-1", "R-EAST"), "inactive units stay in scope for history");
            assertThrows(OrgRuleViolationException.class, () -> retired.withReactivated("T-NANCHANG-1"));
            OrgTree back = retired.withReactivated("B-NANCHANG").withReactivated("T-NANCHANG-1");
            assertTrue(back.get("T-NANCHANG-1").active());
        }

        @Test
        void moveActiveUnitUnderInactiveParentIsRejected() {
            OrgTree retired = tree.withDeactivated("B-HANGZHOU");
            OrgRuleViolationException e = assertThrows(OrgRuleViolationException.class,
                    () -> retired.withMoved("T-NANCHANG-1", "B-HANGZHOU"));
            assertEquals(Set.of(Reason.INACTIVE_PARENT), reasons(e.violations()));
        }

        @Test
        void deactivateHqIsRejected() {
            OrgTree alone = OrgTree.of(POLICY, List.of(new OrgUnit("HQ", "总部", HQ, null)));
            assertThrows(OrgRuleViolationException.class, () -> alone.withDeactivated("HQ"));
        }
    }
}
