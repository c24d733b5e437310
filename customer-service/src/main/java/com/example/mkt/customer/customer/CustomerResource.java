package com.example.mkt.customer.customer;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.example.mkt.customer.credit.CreditTier;
import com.example.mkt.customer.customer.CustomerDtos.AuditView;
import com.example.mkt.customer.customer.CustomerDtos.ContactView;
import com.example.mkt.customer.customer.CustomerDtos.CreditView;
import com.example.mkt.customer.customer.CustomerDtos.CustomerUpdate;
import com.example.mkt.customer.customer.CustomerDtos.CustomerView;
import com.example.mkt.customer.customer.CustomerDtos.GradeChangeView;
import com.example.mkt.customer.customer.CustomerDtos.LogEntryView;
import com.example.mkt.customer.customer.CustomerDtos.NewContact;
import com.example.mkt.customer.customer.CustomerDtos.NewCustomer;
import com.example.mkt.customer.customer.CustomerDtos.NewGradeChange;
import com.example.mkt.customer.customer.CustomerDtos.NewLogEntry;
import com.example.mkt.customer.grade.CustomerGrade;
import com.example.mkt.customer.history.HistoryCursor;
import com.example.mkt.customer.lifecycle.LifecycleStage;
import com.example.mkt.customer.tier.MembershipTier;
import com.example.mkt.customer.web.Params;
import com.example.mkt.customer.web.Times;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.Roles;

import io.quarkus.panache.common.Parameters;

@Path("/api/v1/customers")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST })
public class CustomerResource {

    private final CustomerService service;
    private final CustomerSearch search;
    private final CustomerAccess access;

    /** The example request of the API document (a client generator and Swagger UI show it; the e2e posts it). */
    static final String NEW_CUSTOMER_EXAMPLE = """
            {"type": "COMPANY", "name": "南昌青山湖国际旅行社有限公司", "status": "ACTIVE", "orgUnit": "B-NANCHANG",
             "industry": "旅游", "acquisitionChannel": "REFERRAL", "phone": "0791-86661234",
             "tags": ["旅游险", "团体客户"],
             "contacts": [{"name": "刘建国", "title": "总经理", "phones": ["13907910001"], "keyPerson": true}]}""";

    public CustomerResource(CustomerService service, CustomerSearch search, CustomerAccess access) {
        this.service = service;
        this.search = search;
        this.access = access;
    }

    @APIResponse(responseCode = "201",
            description = "Created: Location names the new resource")
    @POST
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response create(@RequestBody(content = @Content(mediaType = "application/json",
            schema = @Schema(implementation = NewCustomer.class), examples = @ExampleObject(name = "company",
                    summary = "A travel agency in Nanchang with its general manager as contact",
                    value = NEW_CUSTOMER_EXAMPLE))) @Valid @NotNull NewCustomer body) {
        access.scope().requireAssignable("orgUnit", body.orgUnit());
        Customer c = service.create(body, access.user().staffId());
        return Response.created(URI.create("/api/v1/customers/" + c.id)).header("ETag", ETags.of(c.version))
                .entity(view(c, Contact.list("customerId", c.id))).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        Customer c = access.require(id);
        return Response.ok(view(c, Contact.list("customerId", c.id))).header("ETag", ETags.of(c.version)).build();
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull CustomerUpdate body) {
        Customer c = access.require(id);
        if (!body.orgUnit().equals(c.orgUnit)) {
            access.scope().requireAssignable("orgUnit", body.orgUnit());
        }
        Customer updated = service.update(c.id, ifMatch, body, access.user().staffId());
        return Response.ok(view(updated, Contact.list("customerId", c.id))).header("ETag", ETags.of(updated.version))
                .build();
    }

    @GET
    public Page<CustomerView> list(@QueryParam("q") String q, @QueryParam("grade") String grade,
            @QueryParam("tier") String tier, @QueryParam("creditTier") String creditTier,
            @QueryParam("lifecycleStage") String lifecycleStage, @QueryParam("orgUnit") String orgUnit,
            @QueryParam("salesperson") String salesperson, @QueryParam("tag") List<String> tags,
            @QueryParam("vip") Boolean vip, @QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        if (q != null && q.length() > 100) {
            throw ApiException.invalid("q", "at most 100 characters");
        }
        if (creditTier != null && !access.seesCredit()) {
            throw ApiException.forbidden("creditTier: credit data is for supervisors and above");
        }
        List<Customer> found = search.search(new CustomerSearch.Criteria(q,
                Params.enumValue("grade", grade, CustomerGrade.class), Params.enumValue("tier", tier, MembershipTier.class),
                Params.enumValue("creditTier", creditTier, CreditTier.class),
                Params.enumValue("lifecycleStage", lifecycleStage, LifecycleStage.class), orgUnit, salesperson, tags, vip,
                access.scope().visibleUnits(), access.seesGradeA(), page.first() ? null : page.after().get(0),
                page.fetchSize()));
        return Page.of(found.stream().map(c -> view(c, null)).toList(), page.limit(),
                v -> PageRequest.cursor(v.id()));
    }

    @GET
    @Path("{id}/contacts")
    public Page<ContactView> contacts(@PathParam("id") String id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        Customer c = access.require(id);
        PageRequest page = PageRequest.of(limit, cursor);
        String after = page.first() ? "" : page.after().get(0);
        List<Contact> found = Contact.find("customerId = :c and id > :after order by id",
                Parameters.with("c", c.id).and("after", after)).page(0, page.fetchSize()).list();
        return Page.of(found.stream().map(ContactView::of).toList(), page.limit(), v -> PageRequest.cursor(v.id()));
    }

    @APIResponse(responseCode = "201",
            description = "Created: Location names the new resource")
    @POST
    @Path("{id}/contacts")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response addContact(@PathParam("id") String id, @Valid @NotNull NewContact body) {
        Customer c = access.require(id);
        Contact contact = service.addContact(c.id, body, access.user().staffId());
        return Response.created(URI.create("/api/v1/customers/" + c.id + "/contacts/" + contact.id))
                .header("ETag", ETags.of(contact.version)).entity(ContactView.of(contact)).build();
    }

    @GET
    @Path("{id}/contact-logs")
    public Page<LogEntryView> contactLog(@PathParam("id") String id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        Customer c = access.require(id);
        PageRequest page = PageRequest.of(limit, cursor);
        List<ContactLogEntry> found;
        if (page.first()) {
            found = ContactLogEntry.find("customerId = ?1 order by occurredAt desc, id desc", c.id)
                    .page(0, page.fetchSize()).list();
        } else {
            java.time.Instant at = parseInstant(page.after().get(0));
            found = ContactLogEntry.find("customerId = ?1 and (occurredAt < ?2 or (occurredAt = ?2 and id < ?3)) "
                    + "order by occurredAt desc, id desc", c.id, at, page.after().get(1)).page(0, page.fetchSize()).list();
        }
        return Page.of(found.stream().map(CustomerResource::view).toList(), page.limit(),
                v -> PageRequest.cursor(v.occurredAt().toInstant().toString(), v.id()));
    }

    @APIResponse(responseCode = "201",
            description = "Created: Location names the new resource")
    @POST
    @Path("{id}/contact-logs")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response addLog(@PathParam("id") String id, @Valid @NotNull NewLogEntry body) {
        Customer c = access.require(id);
        ContactLogEntry e = service.log(c, body, access.user().staffId());
        return Response.created(URI.create("/api/v1/customers/" + c.id + "/contact-logs/" + e.id))
                .header("ETag", ETags.of(0)).entity(view(e)).build();
    }

    @GET
    @Path("{id}/audit-entries")
    public Page<AuditView> audit(@PathParam("id") String id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        Customer c = access.require(id);
        PageRequest page = PageRequest.of(limit, cursor);
        long after = HistoryCursor.before(page);
        List<AuditEntry> found = AuditEntry.find("customerId = ?1 and id < ?2 order by id desc", c.id, after)
                .page(0, page.fetchSize()).list();
        return Page.of(found.stream().map(a -> new AuditView(a.id, Times.out(a.at), a.actor, a.action,
                hideCredit(a.changes))).toList(), page.limit(), v -> HistoryCursor.of(v.id()));
    }

    @GET
    @Path("{id}/grade-changes")
    public Page<GradeChangeView> gradeChanges(@PathParam("id") String id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        Customer c = access.require(id);
        PageRequest page = PageRequest.of(limit, cursor);
        long after = HistoryCursor.before(page);
        List<GradeChangeEntry> found = GradeChangeEntry.find("customerId = ?1 and id < ?2 order by id desc", c.id, after)
                .page(0, page.fetchSize()).list();
        return Page.of(found.stream().map(CustomerResource::view).toList(), page.limit(),
                v -> HistoryCursor.of(v.id()));
    }

    /** Salespeople may change a grade (docs/domain.md#grades); the reason is required and kept with the history. */
    @APIResponse(responseCode = "201",
            description = "Created: Location names the new resource")
    @POST
    @Path("{id}/grade-changes")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response changeGrade(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull NewGradeChange body) {
        Customer c = access.require(id);
        GradeChangeEntry e = service.changeGrade(c.id, ifMatch, body, access.user().staffId());
        return Response.created(URI.create("/api/v1/customers/" + c.id + "/grade-changes/" + e.id))
                .header("ETag", ETags.of(service.current(c.id).version)).entity(view(e)).build();
    }

    private Object hideCredit(Map<String, Object> changes) {
        if (access.seesCredit() || changes == null || !changes.containsKey("creditTier")) {
            return changes;
        }
        return changes.entrySet().stream().filter(e -> !e.getKey().equals("creditTier"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    CustomerView view(Customer c, List<Contact> contacts) {
        CreditView credit = access.seesCredit() ? new CreditView(c.creditTier, c.creditTier != null) : null;
        return new CustomerView(c.id, c.type.name(), c.name, c.status.name(), c.orgUnit, c.salesperson, c.region,
                c.industry, c.size, c.acquisitionChannel, c.member, c.birthday, c.phone, c.externalRef,
                Arrays.asList(c.tags), c.notes, c.grade, c.tier, c.vip, c.lifecycleStage, c.valueScore, credit,
                contacts == null ? null : contacts.stream().map(ContactView::of).toList(), Times.out(c.createdAt),
                Times.out(c.updatedAt), c.version);
    }

    private static LogEntryView view(ContactLogEntry e) {
        return new LogEntryView(e.id, e.channel, Times.out(e.occurredAt), e.visitor, e.content, e.result, e.openIssues,
                Times.out(e.recordedAt));
    }

    private static GradeChangeView view(GradeChangeEntry e) {
        return new GradeChangeView(e.id, e.fromGrade, e.toGrade, e.reason, e.changedBy, Times.out(e.changedAt));
    }

    private static java.time.Instant parseInstant(String value) {
        try {
            return java.time.Instant.parse(value);
        } catch (RuntimeException e) {
            throw ApiException.invalid("cursor", "not a cursor this API issued");
        }
    }

}
