package com.example.mkt.customer.customer;

import java.util.Set;

import jakarta.enterprise.context.RequestScoped;

import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.CurrentUser;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;

/**
 * Who may see which customer file (docs/domain.md#who-sees-which-customer): the org subtree as everywhere; credit
 * data for supervisors and above; A-grade files for "marketing managers and above", which we read as the
 * roles that manage marketing people: {@code manager} (department or branch manager),
 * {@code marketing_director} and {@code gm}. Supervisors, staff and the analyst do not see A-grade files:
 * for them such a file does not exist (404), like one outside their scope.
 */
@RequestScoped
public class CustomerAccess {

    public static final String A_GRADE = "A";
    public static final Set<String> A_GRADE_READERS = Set.of(Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER);

    private final CurrentUser user;
    private final OrgScope scope;

    public CustomerAccess(CurrentUser user, OrgScope scope) {
        this.user = user;
        this.scope = scope;
    }

    public boolean seesCredit() {
        return user.hasAnyRole(Roles.SUPERVISORS_AND_ABOVE);
    }

    public boolean seesGradeA() {
        return user.hasAnyRole(A_GRADE_READERS);
    }

    public OrgScope scope() {
        return scope;
    }

    public CurrentUser user() {
        return user;
    }

    public boolean canSee(Customer c) {
        return scope.canSee(c.orgUnit) && (!A_GRADE.equals(c.grade) || seesGradeA());
    }

    /** The customer, or 404 when unknown, outside the caller's subtree or an A-grade file they may not read. */
    public Customer require(String id) {
        Customer c = id == null || id.length() > 64 ? null : Customer.findById(id);
        if (c == null || !canSee(c)) {
            throw ApiException.notFound("customer", id);
        }
        return c;
    }
}
