package com.example.mkt.planning.org;

import static com.example.mkt.planning.org.OrgRuleViolation.Reason;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The validated, immutable org tree: head office -> region -> branch -> team (docs/domain.md#organisation).
 * Every customer, target, plan and KPI value belongs to a unit and rolls up along this tree, and org scope is
 * "a user sees data of their unit and its descendants" (docs/api.md#org-scope), answered by
 * {@link #isWithinSubtree}.
 *
 * <p>Changes ({@link #withAdded}, {@link #withMoved}, ...) return a new tree and re-run the full validation, so a
 * tree instance is always valid. There is no cascade: a unit with children can be neither deleted nor
 * deactivated until its children are moved away or deactivated, because silently deactivating a whole branch
 * would hide its customers and targets from the people who own them.
 */
public final class OrgTree {

    private static final Comparator<OrgUnit> BY_CODE = Comparator.comparing(OrgUnit::code);

    private final OrgStructurePolicy policy;
    private final Map<String, OrgUnit> unitsByCode;
    private final Map<String, List<OrgUnit>> childrenByCode;
    private final OrgUnit root;

    private OrgTree(OrgStructurePolicy policy, Collection<OrgUnit> units) {
        this.policy = policy;
        Map<String, List<OrgUnit>> children = new HashMap<>();
        OrgUnit hq = null;
        for (OrgUnit unit : units) {
            if (unit.isRoot()) {
                hq = unit;
            } else {
                children.computeIfAbsent(unit.parentCode(), k -> new ArrayList<>()).add(unit);
            }
        }
        this.root = hq;
        Map<String, List<OrgUnit>> frozen = new HashMap<>();
        children.forEach((code, list) -> {
            list.sort(BY_CODE);
            frozen.put(code, List.copyOf(list));
        });
        this.childrenByCode = Collections.unmodifiableMap(frozen);
        // Pre-order keeps units() stable and readable: each unit right after its parent.
        Map<String, OrgUnit> ordered = new LinkedHashMap<>();
        Deque<OrgUnit> stack = new ArrayDeque<>();
        stack.push(hq);
        while (!stack.isEmpty()) {
            OrgUnit unit = stack.pop();
            ordered.put(unit.code(), unit);
            List<OrgUnit> kids = frozen.getOrDefault(unit.code(), List.of());
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        this.unitsByCode = Collections.unmodifiableMap(ordered);
    }

    /** Builds a tree or throws with every violation found, each naming its unit. */
    public static OrgTree of(OrgStructurePolicy policy, Collection<OrgUnit> units) {
        List<OrgRuleViolation> violations = validate(policy, units);
        if (!violations.isEmpty()) {
            throw new OrgRuleViolationException(violations);
        }
        return new OrgTree(policy, units);
    }

    /** All violations of the org rules in {@code units}; empty when they form a valid tree. */
    public static List<OrgRuleViolation> validate(OrgStructurePolicy policy, Collection<OrgUnit> units) {
        Objects.requireNonNull(policy, "policy");
        List<OrgRuleViolation> violations = new ArrayList<>();
        Map<String, OrgUnit> byCode = new HashMap<>();
        List<OrgUnit> hqs = new ArrayList<>();
        for (OrgUnit unit : units) {
            if (!OrgUnit.isValidCode(unit.code())) {
                violations.add(new OrgRuleViolation(unit.code(), Reason.INVALID_CODE,
                        "code must be 1-32 upper-case letters, digits or hyphens"));
            }
            if (unit.name().isBlank()) {
                violations.add(new OrgRuleViolation(unit.code(), Reason.BLANK_NAME, "name must not be blank"));
            } else if (unit.name().codePointCount(0, unit.name().length()) > policy.maxNameLength()) {
                violations.add(new OrgRuleViolation(unit.code(), Reason.NAME_TOO_LONG,
                        "name must be at most " + policy.maxNameLength() + " characters"));
            }
            if (byCode.putIfAbsent(unit.code(), unit) != null) {
                violations.add(new OrgRuleViolation(unit.code(), Reason.DUPLICATE_CODE, "code is used twice"));
            }
            if (unit.kind() == OrgUnitKind.HQ) {
                hqs.add(unit);
            }
        }
        if (hqs.isEmpty()) {
            violations.add(new OrgRuleViolation(null, Reason.NO_HQ, "the tree needs exactly one HQ"));
        } else if (hqs.size() > 1) {
            for (OrgUnit hq : hqs) {
                violations.add(new OrgRuleViolation(hq.code(), Reason.MULTIPLE_HQ, "the tree needs exactly one HQ"));
            }
        }
        for (OrgUnit unit : units) {
            checkParent(policy, unit, byCode, violations);
        }
        violations.addAll(cycles(units, byCode));
        return List.copyOf(violations);
    }

    private static void checkParent(OrgStructurePolicy policy, OrgUnit unit, Map<String, OrgUnit> byCode,
            List<OrgRuleViolation> violations) {
        if (unit.kind() == OrgUnitKind.HQ) {
            if (unit.parentCode() != null) {
                violations.add(new OrgRuleViolation(unit.code(), Reason.HQ_HAS_PARENT, "HQ cannot have a parent"));
            }
            if (!unit.active()) {
                violations.add(new OrgRuleViolation(unit.code(), Reason.HQ_INACTIVE, "HQ cannot be deactivated"));
            }
            return;
        }
        if (unit.parentCode() == null) {
            violations.add(new OrgRuleViolation(unit.code(), Reason.MISSING_PARENT,
                    unit.kind() + " needs a parent of kind " + policy.allowedParentKinds(unit.kind())));
            return;
        }
        OrgUnit parent = byCode.get(unit.parentCode());
        if (parent == null) {
            violations.add(new OrgRuleViolation(unit.code(), Reason.UNKNOWN_PARENT,
                    "parent " + unit.parentCode() + " does not exist"));
            return;
        }
        if (!policy.mayBeParentOf(parent.kind(), unit.kind())) {
            violations.add(new OrgRuleViolation(unit.code(), Reason.PARENT_KIND_NOT_ALLOWED,
                    unit.kind() + " cannot be placed under " + parent.kind() + " " + parent.code()
                            + "; allowed parent kinds: " + policy.allowedParentKinds(unit.kind())));
        }
        if (unit.active() && !parent.active()) {
            violations.add(new OrgRuleViolation(unit.code(), Reason.INACTIVE_PARENT,
                    "an active unit cannot sit under inactive " + parent.code()));
        }
    }

    /** One violation per unit that lies on a parent cycle (units merely hanging below a cycle are not named). */
    private static List<OrgRuleViolation> cycles(Collection<OrgUnit> units, Map<String, OrgUnit> byCode) {
        Set<String> onCycle = new HashSet<>();
        Set<String> cleared = new HashSet<>();
        for (OrgUnit start : units) {
            List<String> path = new ArrayList<>();
            Set<String> seen = new HashSet<>();
            OrgUnit current = start;
            while (current != null && !cleared.contains(current.code())) {
                if (!seen.add(current.code())) {
                    onCycle.addAll(path.subList(path.indexOf(current.code()), path.size()));
                    break;
                }
                path.add(current.code());
                current = current.parentCode() == null ? null : byCode.get(current.parentCode());
            }
            cleared.addAll(path);
        }
        List<OrgRuleViolation> violations = new ArrayList<>();
        onCycle.stream().sorted().forEach(code -> violations.add(new OrgRuleViolation(code, Reason.CYCLE,
                "unit is its own ancestor")));
        return violations;
    }

    public OrgStructurePolicy policy() {
        return policy;
    }

    public OrgUnit root() {
        return root;
    }

    /** Every unit, parents before children, siblings by code. */
    public List<OrgUnit> units() {
        return List.copyOf(unitsByCode.values());
    }

    public int size() {
        return unitsByCode.size();
    }

    public boolean contains(String code) {
        return unitsByCode.containsKey(code);
    }

    public Optional<OrgUnit> find(String code) {
        return Optional.ofNullable(unitsByCode.get(code));
    }

    public OrgUnit get(String code) {
        OrgUnit unit = unitsByCode.get(code);
        if (unit == null) {
            throw new UnknownOrgUnitException(code);
        }
        return unit;
    }

    public Optional<OrgUnit> parentOf(String code) {
        OrgUnit unit = get(code);
        return unit.isRoot() ? Optional.empty() : Optional.of(get(unit.parentCode()));
    }

    /** Direct children, by code. */
    public List<OrgUnit> children(String code) {
        get(code);
        return childrenByCode.getOrDefault(code, List.of());
    }

    /** From the parent up to HQ; empty for HQ. */
    public List<OrgUnit> ancestors(String code) {
        List<OrgUnit> result = new ArrayList<>();
        OrgUnit current = get(code);
        while (!current.isRoot()) {
            current = get(current.parentCode());
            result.add(current);
        }
        return List.copyOf(result);
    }

    /** From HQ down to the unit itself: the rollup path and the breadcrumb. */
    public List<OrgUnit> pathFromRoot(String code) {
        List<OrgUnit> path = new ArrayList<>(ancestors(code));
        Collections.reverse(path);
        path.add(get(code));
        return List.copyOf(path);
    }

    /** HQ is at depth 0. */
    public int depth(String code) {
        return ancestors(code).size();
    }

    /** All units below {@code code}, excluding it, parents before children. */
    public List<OrgUnit> descendants(String code) {
        List<OrgUnit> subtree = subtree(code);
        return subtree.subList(1, subtree.size());
    }

    /** The unit and everything below it, parents before children. */
    public List<OrgUnit> subtree(String code) {
        List<OrgUnit> result = new ArrayList<>();
        Deque<OrgUnit> stack = new ArrayDeque<>();
        stack.push(get(code));
        while (!stack.isEmpty()) {
            OrgUnit unit = stack.pop();
            result.add(unit);
            List<OrgUnit> kids = childrenByCode.getOrDefault(unit.code(), List.of());
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        return List.copyOf(result);
    }

    /**
     * True when {@code candidate} is {@code subtreeRoot} or one of its descendants. Unknown codes on either side
     * answer false: data owned by a unit the tree does not know is in nobody's restricted scope.
     */
    public boolean isWithinSubtree(String candidate, String subtreeRoot) {
        if (!contains(candidate) || !contains(subtreeRoot)) {
            return false;
        }
        OrgUnit current = unitsByCode.get(candidate);
        while (true) {
            if (current.code().equals(subtreeRoot)) {
                return true;
            }
            if (current.isRoot()) {
                return false;
            }
            current = unitsByCode.get(current.parentCode());
        }
    }

    /** A tree with {@code unit} added under its parent. */
    public OrgTree withAdded(OrgUnit unit) {
        List<OrgUnit> next = new ArrayList<>(unitsByCode.values());
        next.add(unit);
        return of(policy, next);
    }

    /** A tree where {@code code} (with its whole subtree) hangs under {@code newParentCode}. */
    public OrgTree withMoved(String code, String newParentCode) {
        return replace(get(code).withParent(newParentCode));
    }

    public OrgTree withRenamed(String code, String newName) {
        return replace(get(code).withName(newName));
    }

    /** Rejected while the unit has active children; inactive children may stay under it. */
    public OrgTree withDeactivated(String code) {
        OrgUnit unit = get(code);
        List<String> activeChildren = children(code).stream().filter(OrgUnit::active).map(OrgUnit::code).toList();
        if (!activeChildren.isEmpty()) {
            throw new OrgRuleViolationException(new OrgRuleViolation(code, Reason.HAS_ACTIVE_CHILDREN,
                    "deactivate or move its active children first: " + activeChildren));
        }
        return replace(unit.withActive(false));
    }

    /** Rejected while the parent is inactive (by the tree validation). */
    public OrgTree withReactivated(String code) {
        return replace(get(code).withActive(true));
    }

    /**
     * Removes a unit that has no children at all. Whether data still refers to it is the caller's question;
     * deactivation is the normal way to retire a unit.
     */
    public OrgTree without(String code) {
        get(code);
        List<String> children = children(code).stream().map(OrgUnit::code).toList();
        if (!children.isEmpty()) {
            throw new OrgRuleViolationException(new OrgRuleViolation(code, Reason.HAS_CHILDREN,
                    "move or delete its children first: " + children));
        }
        List<OrgUnit> next = new ArrayList<>(unitsByCode.values());
        next.removeIf(u -> u.code().equals(code));
        return of(policy, next);
    }

    private OrgTree replace(OrgUnit changed) {
        List<OrgUnit> next = new ArrayList<>(unitsByCode.size());
        for (OrgUnit unit : unitsByCode.values()) {
            next.add(unit.code().equals(changed.code()) ? changed : unit);
        }
        return of(policy, next);
    }
}
