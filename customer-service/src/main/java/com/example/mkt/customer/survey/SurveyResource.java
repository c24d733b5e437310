package com.example.mkt.customer.survey;

import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
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
import com.example.mkt.customer.customer.Customer;
import com.example.mkt.customer.customer.CustomerAccess;
import com.example.mkt.customer.shared.BusinessTime;
import com.example.mkt.customer.web.Params;
import com.example.mkt.customer.web.Times;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.rest.security.Roles;

/**
 * Satisfaction surveys (docs/domain.md#satisfaction-surveys): templates are company-wide and written by marketing
 * managers and above ({@code manager}, {@code marketing_director}, {@code gm}); answers, requests and rates are those
 * of customers in the caller's org subtree (A-grade files only for the roles that may read them).
 */
@Path("/api/v1/surveys")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST })
public class SurveyResource {

    public record QuestionBody(@Size(max = 32) String id, @NotBlank @Size(max = 500) String text) {
    }

    public record TemplateBody(@NotBlank @Size(max = 200) String name, @Size(max = 64) String segmentId,
            @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull QuestionBody> questions, Boolean active) {
    }

    public record TemplateView(String id, String name, String segmentId, List<Question> questions, boolean active,
            String createdBy, OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
    }

    /** A score is read as a number and must be a whole 1-5: 4.5 is refused rather than truncated. */
    public record ScoreBody(@Size(max = 32) String questionId, @NotNull BigDecimal score,
            @Size(max = 2000) String comment) {
    }

    public record NewAnswer(@NotBlank @Size(max = 64) String templateId, @NotBlank @Size(max = 64) String customerId,
            @NotNull @Size(min = 1, max = 50) List<@Valid @NotNull ScoreBody> scores,
            @Size(max = 4000) String comment, @Size(max = 64) String complaintId, @NotNull SurveyChannel channel,
            OffsetDateTime answeredAt) {
    }

    public record AnswerView(String id, String templateId, String customerId, String orgUnit, String salesperson,
            String complaintId, String channel, List<SurveyService.ScoredQuestion> scores, String comment,
            BigDecimal score, boolean satisfied, OffsetDateTime answeredAt, String recordedBy) {
    }

    public record SurveyRequestView(String id, String complaintId, String customerId, String orgUnit, String salesperson,
            String templateId, String status, OffsetDateTime requestedAt, String answerId,
            OffsetDateTime answeredAt) {
    }

    /**
     * Satisfied answers over answers in an org subtree and period (dates inclusive, Shanghai). The rate is
     * counted over the answers themselves, never averaged from units' rates; null when nobody answered.
     */
    public record Satisfaction(String orgUnit, LocalDate from, LocalDate to, String templateId, long answers,
            long satisfied, BigDecimal satisfactionRate, BigDecimal satisfiedFrom) {
    }

    private final SurveyService service;
    private final SurveyTemplates templateWriter;
    private final AnswerIntake intake;
    private final SurveyTemplateStore templates;
    private final SurveyAnswerStore answers;
    private final SurveyRequestStore requests;
    private final SatisfactionStore satisfactionFigures;
    private final CustomerAccess access;
    private final OrgDirectory directory;

    public SurveyResource(SurveyService service, SurveyTemplates templateWriter, AnswerIntake intake,
            SurveyTemplateStore templates, SurveyAnswerStore answers, SurveyRequestStore requests,
            SatisfactionStore satisfactionFigures, CustomerAccess access, OrgDirectory directory) {
        this.service = service;
        this.templateWriter = templateWriter;
        this.intake = intake;
        this.templates = templates;
        this.answers = answers;
        this.requests = requests;
        this.satisfactionFigures = satisfactionFigures;
        this.access = access;
        this.directory = directory;
    }

    // ---------------------------------------------------------------- templates

    @APIResponse(responseCode = "201",
            description = "Created: Location names the new resource")
    @POST
    @Path("templates")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER })
    public Response createTemplate(@Valid @NotNull TemplateBody body) {
        SurveyTemplateEntity t = templateWriter.create(draft(body), access.user().staffId());
        return Response.created(URI.create("/api/v1/surveys/templates/" + t.id)).header("ETag", ETags.of(t.version))
                .entity(view(t)).build();
    }

    @PUT
    @Path("templates/{id}")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER })
    public Response updateTemplate(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TemplateBody body) {
        SurveyTemplateEntity t = templateWriter.update(id, ifMatch, draft(body));
        return Response.ok(view(t)).header("ETag", ETags.of(t.version)).build();
    }

    @GET
    @Path("templates/{id}")
    public Response getTemplate(@PathParam("id") String id) {
        SurveyTemplateEntity t = templates.require(id);
        return Response.ok(view(t)).header("ETag", ETags.of(t.version)).build();
    }

    /** {@code active}: true or false; {@code segmentId}: templates for that segment. Ordered by id. */
    @GET
    @Path("templates")
    public Page<TemplateView> templates(@QueryParam("active") Boolean active,
            @QueryParam("segmentId") String segmentId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        List<SurveyTemplateEntity> found = templates.page(active, segmentId, page);
        return Page.of(found.stream().map(this::view).toList(), page.limit(), v -> PageRequest.cursor(v.id()));
    }

    // ---------------------------------------------------------------- answers

    @APIResponse(responseCode = "201",
            description = "Created: Location names the new resource")
    @POST
    @Path("answers")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response answer(@Valid @NotNull NewAnswer body) {
        SurveyAnswerEntity a = intake.submit(new AnswerIntake.Submitted(body.templateId(), body.customerId(),
                body.scores().stream().map(s -> new AnswerIntake.GivenScore(s.questionId(), s.score(), s.comment()))
                        .toList(),
                body.comment(), body.complaintId(), body.channel(), body.answeredAt()));
        return Response.created(URI.create("/api/v1/surveys/answers/" + a.id)).entity(view(a)).build();
    }

    @GET
    @Path("answers/{id}")
    public AnswerView getAnswer(@PathParam("id") String id) {
        SurveyAnswerEntity a = answers.find(id);
        if (a == null || !visibleCustomer(a.customerId)) {
            throw ApiException.notFound("survey answer", id);
        }
        return view(a);
    }

    /** Ordered by answer time; {@code satisfied} narrows to satisfied (true) or dissatisfied (false) answers. */
    @GET
    @Path("answers")
    public Page<AnswerView> answers(@QueryParam("customerId") String customerId,
            @QueryParam("templateId") String templateId, @QueryParam("complaintId") String complaintId,
            @QueryParam("satisfied") Boolean satisfied, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        Optional<TimeCursor> after = TimeCursor.of(page);
        List<SurveyAnswerEntity> found = answers.page(
                new SurveyAnswerStore.Filter(customerId, templateId, complaintId, satisfied),
                SurveyVisibility.of(access), after, page.fetchSize());
        return Page.of(found.stream().map(this::view).toList(), page.limit(),
                v -> PageRequest.cursor(v.answeredAt().toInstant().toString(), v.id()));
    }

    // ---------------------------------------------------------------- requests

    /** Surveys asked of customers after closed complaints; {@code status}: PENDING or ANSWERED. Oldest first. */
    @GET
    @Path("requests")
    public Page<SurveyRequestView> requests(@QueryParam("status") String status,
            @QueryParam("customerId") String customerId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        Optional<TimeCursor> after = TimeCursor.of(page);
        String checkedStatus = Params.enumValue("status", status, SurveyRequestStatus.class);
        List<SurveyRequestEntity> found = requests.page(checkedStatus, customerId, SurveyVisibility.of(access), after,
                page.fetchSize());
        return Page.of(found.stream().map(SurveyResource::view).toList(), page.limit(),
                v -> PageRequest.cursor(v.requestedAt().toInstant().toString(), v.id()));
    }

    // ---------------------------------------------------------------- satisfaction rate

    /**
     * {@code orgUnit}: that unit and its descendants (default: everything the caller sees); {@code from},
     * {@code to}: answer dates, inclusive, in Shanghai time (default: this month so far).
     */
    @GET
    @Path("satisfaction")
    public Satisfaction satisfaction(@QueryParam("orgUnit") String orgUnit, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("templateId") String templateId) {
        LocalDate today = BusinessTime.dateOf(service.now(), BusinessTime.SHANGHAI);
        LocalDate toDate = to == null ? today : date("to", to);
        LocalDate fromDate = from == null ? toDate.withDayOfMonth(1) : date("from", from);
        if (fromDate.isAfter(toDate)) {
            throw ApiException.invalid("from", "must not be after to");
        }
        Optional<Set<String>> units = units(orgUnit);
        SatisfactionRate counted = satisfactionFigures.count(BusinessTime.startOf(fromDate, BusinessTime.SHANGHAI),
                BusinessTime.startOf(toDate.plusDays(1), BusinessTime.SHANGHAI), units, templateId);
        return new Satisfaction(orgUnit, fromDate, toDate, templateId, counted.answers(), counted.satisfied(),
                counted.percent().orElse(null), service.scoring().satisfiedFrom());
    }

    // ---------------------------------------------------------------- helpers

    /** The named unit's subtree (404 unless the caller sees it), else whatever the caller sees. */
    private Optional<Set<String>> units(String orgUnit) {
        if (orgUnit == null) {
            return access.scope().visibleUnits();
        }
        if (!directory.exists(orgUnit) || !access.scope().canSee(orgUnit)) {
            throw ApiException.notFound("org unit", orgUnit);
        }
        return Optional.of(directory.subtree(orgUnit));
    }

    private static SurveyTemplates.Draft draft(TemplateBody body) {
        return new SurveyTemplates.Draft(body.name(), body.segmentId(),
                body.questions().stream().map(q -> new SurveyTemplates.DraftQuestion(q.id(), q.text())).toList(),
                body.active());
    }

    private boolean visibleCustomer(String customerId) {
        Customer c = answers.customer(customerId);
        return c != null && access.canSee(c);
    }

    private TemplateView view(SurveyTemplateEntity t) {
        return new TemplateView(t.id, t.name, t.segmentId, service.questions(t), t.active, t.createdBy,
                Times.out(t.createdAt), Times.out(t.updatedAt), t.version);
    }

    private AnswerView view(SurveyAnswerEntity a) {
        return new AnswerView(a.id, a.templateId, a.customerId, a.orgUnit, a.salesperson, a.complaintId, a.channel,
                service.scores(a), a.comment, a.score, a.satisfied, Times.out(a.answeredAt), a.recordedBy);
    }

    private static SurveyRequestView view(SurveyRequestEntity r) {
        return new SurveyRequestView(r.id, r.complaintId, r.customerId, r.orgUnit, r.salesperson, r.templateId, r.status,
                Times.out(r.requestedAt), r.answerId, Times.out(r.answeredAt));
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date (YYYY-MM-DD)");
        }
    }
}
