package com.example.mkt.customer.segment;

import java.net.URI;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import com.example.mkt.customer.customer.CustomerAccess;
import com.example.mkt.customer.web.Times;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.rest.security.Roles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;


/**
 * Segments are company-wide definitions written by supervisors and above; members are listed within
 * the caller's scope. Saving a segment evaluates it at once; {@link SegmentJob} keeps it current.
 */
@Path("/api/v1/segments")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST })
public class SegmentResource {

    public record SegmentBody(@NotBlank @Size(max = 200) String name, @Size(max = 2000) String description,
            @NotNull JsonNode rule) {
    }

    public record Preview(@NotNull JsonNode rule) {
    }

    public record SegmentView(String id, String name, String description, JsonNode rule, long memberCount,
            OffsetDateTime evaluatedAt, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
    }

    public record MemberView(String customerId, String name, String orgUnit, OffsetDateTime since) {
    }

    public record Count(long count) {
    }

    private final SegmentEvaluator evaluator;
    private final SegmentReads reads;
    private final CustomerAccess access;
    private final OrgDirectory directory;
    private final ObjectMapper mapper;
    private final Clock clock;

    public SegmentResource(SegmentEvaluator evaluator, SegmentReads reads, CustomerAccess access,
            OrgDirectory directory, ObjectMapper mapper, Clock clock) {
        this.evaluator = evaluator;
        this.reads = reads;
        this.access = access;
        this.directory = directory;
        this.mapper = mapper;
        this.clock = clock;
    }

    @APIResponse(responseCode = "201",
            description = "Created: Location names the new resource")
    @POST
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR })
    @Transactional
    public Response create(@Valid @NotNull SegmentBody body) throws SQLException {
        check(body.rule());
        Instant now = clock.instant();
        SegmentEntity s = new SegmentEntity();
        s.id = UUID.randomUUID().toString();
        s.name = body.name();
        s.description = body.description();
        s.rule = body.rule().toString();
        s.createdBy = access.user().staffId();
        s.createdAt = now;
        s.updatedAt = now;
        s.persist();
        SegmentEntity.getEntityManager().flush();
        evaluator.refresh(s.id);
        return Response.created(URI.create("/api/v1/segments/" + s.id)).header("ETag", ETags.of(s.version))
                .entity(view(s)).build();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        SegmentEntity s = find(id);
        return Response.ok(view(s)).header("ETag", ETags.of(s.version)).build();
    }

    @GET
    public Page<SegmentView> list(@QueryParam("limit") Integer limit, @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        List<SegmentEntity> found = SegmentEntity.<SegmentEntity>find("id > ?1 order by id",
                page.first() ? "" : page.after().get(0)).page(0, page.fetchSize()).list();
        return Page.of(found.stream().map(this::view).toList(), page.limit(), v -> PageRequest.cursor(v.id()));
    }

    @PUT
    @Path("{id}")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR })
    @Transactional
    public Response update(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull SegmentBody body) throws SQLException {
        SegmentEntity s = find(id);
        ETags.requireMatch(ifMatch, s.version);
        check(body.rule());
        s.name = body.name();
        s.description = body.description();
        s.rule = body.rule().toString();
        s.updatedAt = clock.instant();
        SegmentEntity.getEntityManager().flush();
        evaluator.refresh(s.id);
        return Response.ok(view(s)).header("ETag", ETags.of(s.version)).build();
    }

    /** How many customers a rule would select now, before saving it: of those the caller may see. */
    @POST
    @Path("preview")
    public Count preview(@Valid @NotNull Preview body) throws SQLException {
        return new Count(reads.preview(check(body.rule()), access));
    }

    @GET
    @Path("{id}/members")
    public Page<MemberView> members(@PathParam("id") String id, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        SegmentEntity s = find(id);
        PageRequest page = PageRequest.of(limit, cursor);
        List<MemberView> found = reads.members(s.id, access, page.first() ? "" : page.after().get(0),
                page.fetchSize()).stream()
                .map(m -> new MemberView(m.customerId(), m.name(), m.orgUnit(), Times.out(m.since()))).toList();
        return Page.of(found, page.limit(), v -> PageRequest.cursor(v.customerId()));
    }

    private SegmentRule.Sql check(JsonNode rule) {
        try {
            return SegmentRule.compile(rule, directory::subtree);
        } catch (SegmentRule.RuleException e) {
            throw ApiException.invalid(e.path(), e.getMessage());
        }
    }

    private SegmentEntity find(String id) {
        SegmentEntity s = id.length() > 64 ? null : SegmentEntity.findById(id);
        if (s == null) {
            throw ApiException.notFound("segment", id);
        }
        return s;
    }

    private SegmentView view(SegmentEntity s) {
        try {
            return new SegmentView(s.id, s.name, s.description, mapper.readTree(s.rule),
                    reads.memberCount(s.id, access), Times.out(s.evaluatedAt), Times.out(s.createdAt),
                    Times.out(s.updatedAt), s.version);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
