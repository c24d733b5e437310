package com.example.mkt.customer.survey;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.persistence.PersistenceException;
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

import org.hibernate.exception.ConstraintViolationException;

import com.example.mkt.customer.complaint.ComplaintEntity;
import com.example.mkt.customer.customer.Customer;
import com.example.mkt.customer.customer.CustomerAccess;
import com.example.mkt.customer.segment.SegmentEntity;
import com.example.mkt.customer.shared.BusinessTime;
import com.example.mkt.customer.web.Params;
import com.example.mkt.customer.web.Times;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.paging.Page;
import com.example.mkt.rest.paging.PageRequest;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.problem.FieldError;
import com.example.mkt.rest.security.OrgDirectory;
import com.example.mkt.rest.security.Roles;

import io.quarkus.panache.common.Parameters;

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

    public record RequestView(String id, String complaintId, String customerId, String orgUnit, String salesperson,
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
    private final CustomerAccess access;
    private final OrgDirectory directory;

    public SurveyResource(SurveyService service, CustomerAccess access, OrgDirectory directory) {
        this.service = service;
        this.access = access;
        this.directory = directory;
    }

    // ---------------------------------------------------------------- templates

    @POST
    @Path("templates")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER })
    @Transactional
    public Response createTemplate(@Valid @NotNull TemplateBody body) {
        Instant now = service.now();
        SurveyTemplateEntity t = new SurveyTemplateEntity();
        t.id = UUID.randomUUID().toString();
        t.createdBy = access.user().staffId();
        t.createdAt = now;
        apply(t, body, now);
        t.persist();
        SurveyTemplateEntity.getEntityManager().flush();
        return Response.created(URI.create("/api/v1/surveys/templates/" + t.id)).header("ETag", ETags.of(t.version))
                .entity(view(t)).build();
    }

    @PUT
    @Path("templates/{id}")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER })
    @Transactional
    public Response updateTemplate(@PathParam("id") String id, @HeaderParam("If-Match") String ifMatch,
            @Valid @NotNull TemplateBody body) {
        SurveyTemplateEntity t = template(id);
        ETags.requireMatch(ifMatch, t.version);
        apply(t, body, service.now());
        SurveyTemplateEntity.getEntityManager().flush();
        return Response.ok(view(t)).header("ETag", ETags.of(t.version)).build();
    }

    @GET
    @Path("templates/{id}")
    public Response getTemplate(@PathParam("id") String id) {
        SurveyTemplateEntity t = template(id);
        return Response.ok(view(t)).header("ETag", ETags.of(t.version)).build();
    }

    /** {@code active}: true or false; {@code segmentId}: templates for that segment. Ordered by id. */
    @GET
    @Path("templates")
    public Page<TemplateView> templates(@QueryParam("active") Boolean active,
            @QueryParam("segmentId") String segmentId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder q = new StringBuilder("id > :after");
        Parameters p = Parameters.with("after", page.first() ? "" : page.after().get(0));
        if (active != null) {
            q.append(" and active = :active");
            p.and("active", active);
        }
        if (segmentId != null) {
            q.append(" and segmentId = :segment");
            p.and("segment", segmentId);
        }
        List<SurveyTemplateEntity> found = SurveyTemplateEntity.<SurveyTemplateEntity>find(q + " order by id", p)
                .page(0, page.fetchSize()).list();
        return Page.of(found.stream().map(this::view).toList(), page.limit(), v -> PageRequest.cursor(v.id()));
    }

    // ---------------------------------------------------------------- answers

    @POST
    @Path("answers")
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
    public Response answer(@Valid @NotNull NewAnswer body) {
        Customer customer = Customer.findById(body.customerId());
        if (customer == null || !access.canSee(customer)) {
            throw ApiException.unprocessable("customerId", "unknown customer " + body.customerId());
        }
        SurveyTemplateEntity template = SurveyTemplateEntity.findById(body.templateId());
        if (template == null) {
            throw ApiException.unprocessable("templateId", "unknown survey template " + body.templateId());
        }
        if (!template.active) {
            throw ApiException.unprocessable("templateId", "survey template " + body.templateId() + " is not active");
        }
        List<Question> questions = service.questions(template);
        List<SurveyScoring.Violation> violations = service.scoring().check(questions,
                body.scores().stream().map(ScoreBody::questionId).toList(),
                body.scores().stream().map(ScoreBody::score).toList());
        if (!violations.isEmpty()) {
            throw ApiException.invalid(violations.stream().map(v -> new FieldError(v.field(), v.message())).toList());
        }
        if (body.complaintId() != null) {
            ComplaintEntity complaint = ComplaintEntity.findById(body.complaintId());
            if (complaint == null || !access.scope().canSee(complaint.orgUnit)
                    || !complaint.customerId.equals(customer.id)) {
                throw ApiException.unprocessable("complaintId",
                        "unknown complaint " + body.complaintId() + " of customer " + customer.id);
            }
        }
        Instant now = service.now();
        Instant answeredAt = body.answeredAt() == null ? now : body.answeredAt().toInstant();
        if (answeredAt.isAfter(now)) {
            throw ApiException.invalid("answeredAt", "must not be in the future");
        }
        List<SurveyService.ScoredQuestion> scored = new ArrayList<>();
        for (Question q : questions) {
            ScoreBody s = body.scores().stream().filter(x -> q.id().equals(x.questionId())).findFirst().orElseThrow();
            scored.add(new SurveyService.ScoredQuestion(q.id(), q.text(), s.score().intValueExact(),
                    s.comment() == null || s.comment().isBlank() ? null : s.comment()));
        }
        SurveyAnswerEntity a;
        try {
            a = service.answer(customer, template, scored, body.comment(), body.complaintId(), body.channel(),
                    answeredAt, access.user().staffId());
        } catch (PersistenceException e) {
            // two answers to one complaint's survey at once: the unique index lets one in
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof ConstraintViolationException c && "survey_answer_complaint".equals(c.getConstraintName())) {
                    throw ApiException.conflict("the survey of complaint " + body.complaintId() + " is already answered");
                }
            }
            throw e;
        }
        return Response.created(URI.create("/api/v1/surveys/answers/" + a.id)).entity(view(a)).build();
    }

    @GET
    @Path("answers/{id}")
    public AnswerView getAnswer(@PathParam("id") String id) {
        SurveyAnswerEntity a = id.length() > 64 ? null : SurveyAnswerEntity.findById(id);
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
        StringBuilder q = new StringBuilder("from SurveyAnswerEntity a where true = true");
        Parameters p = new Parameters();
        if (!page.first()) {
            q.append(" and (a.answeredAt > :afterAt or (a.answeredAt = :afterAt and a.id > :afterId))");
            p.and("afterAt", cursorTime(page.after().get(0))).and("afterId", page.after().get(1));
        }
        if (customerId != null) {
            q.append(" and a.customerId = :customer");
            p.and("customer", customerId);
        }
        if (templateId != null) {
            q.append(" and a.templateId = :template");
            p.and("template", templateId);
        }
        if (complaintId != null) {
            q.append(" and a.complaintId = :complaint");
            p.and("complaint", complaintId);
        }
        if (satisfied != null) {
            q.append(" and a.satisfied = :satisfied");
            p.and("satisfied", satisfied);
        }
        scope(q, p);
        q.append(" order by a.answeredAt, a.id");
        List<SurveyAnswerEntity> found = SurveyAnswerEntity.<SurveyAnswerEntity>find(q.toString(), p)
                .page(0, page.fetchSize()).list();
        return Page.of(found.stream().map(this::view).toList(), page.limit(),
                v -> PageRequest.cursor(v.answeredAt().toInstant().toString(), v.id()));
    }

    // ---------------------------------------------------------------- requests

    /** Surveys asked of customers after closed complaints; {@code status}: PENDING or ANSWERED. Oldest first. */
    @GET
    @Path("requests")
    public Page<RequestView> requests(@QueryParam("status") String status,
            @QueryParam("customerId") String customerId, @QueryParam("limit") Integer limit,
            @QueryParam("cursor") String cursor) {
        PageRequest page = PageRequest.of(limit, cursor);
        StringBuilder q = new StringBuilder("from SurveyRequestEntity a where true = true");
        Parameters p = new Parameters();
        if (!page.first()) {
            q.append(" and (a.requestedAt > :afterAt or (a.requestedAt = :afterAt and a.id > :afterId))");
            p.and("afterAt", cursorTime(page.after().get(0))).and("afterId", page.after().get(1));
        }
        if (status != null) {
            q.append(" and a.status = :status");
            p.and("status", Params.enumValue("status", status, SurveyRequestStatus.class));
        }
        if (customerId != null) {
            q.append(" and a.customerId = :customer");
            p.and("customer", customerId);
        }
        scope(q, p);
        q.append(" order by a.requestedAt, a.id");
        List<SurveyRequestEntity> found = SurveyRequestEntity.<SurveyRequestEntity>find(q.toString(), p)
                .page(0, page.fetchSize()).list();
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
        Optional<Set<String>> units;
        if (orgUnit != null) {
            if (!directory.exists(orgUnit) || !access.scope().canSee(orgUnit)) {
                throw ApiException.notFound("org unit", orgUnit);
            }
            units = Optional.of(directory.subtree(orgUnit));
        } else {
            units = access.scope().visibleUnits();
        }
        StringBuilder q = new StringBuilder("select count(a), coalesce(sum(case when a.satisfied then 1 else 0 end), 0) "
                + "from SurveyAnswerEntity a where a.answeredAt >= :from and a.answeredAt < :to");
        Parameters p = Parameters.with("from", BusinessTime.startOf(fromDate, BusinessTime.SHANGHAI))
                .and("to", BusinessTime.startOf(toDate.plusDays(1), BusinessTime.SHANGHAI));
        if (units.isPresent()) {
            q.append(" and a.orgUnit in :units");
            p.and("units", units.get().isEmpty() ? Set.of("") : units.get());
        }
        if (templateId != null) {
            q.append(" and a.templateId = :template");
            p.and("template", templateId);
        }
        var query = SurveyAnswerEntity.getEntityManager().createQuery(q.toString(), Object[].class);
        p.map().forEach(query::setParameter);
        Object[] row = query.getSingleResult();
        long answers = ((Number) row[0]).longValue();
        long satisfied = ((Number) row[1]).longValue();
        BigDecimal rate = new SatisfactionRate(satisfied, answers).percent().orElse(null);
        return new Satisfaction(orgUnit, fromDate, toDate, templateId, answers, satisfied, rate,
                service.scoring().satisfiedFrom());
    }

    // ---------------------------------------------------------------- helpers

    private void apply(SurveyTemplateEntity t, TemplateBody body, Instant now) {
        if (body.segmentId() != null && SegmentEntity.findById(body.segmentId()) == null) {
            throw ApiException.unprocessable("segmentId", "unknown segment " + body.segmentId());
        }
        List<Question> questions = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < body.questions().size(); i++) {
            QuestionBody q = body.questions().get(i);
            String qid = q.id() == null || q.id().isBlank() ? "q" + (i + 1) : q.id().strip();
            if (!ids.add(qid)) {
                errors.add(new FieldError("questions[" + i + "].id", "duplicate question id " + qid));
                continue;
            }
            questions.add(new Question(qid, q.text().strip()));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid(errors);
        }
        t.name = body.name().strip();
        t.segmentId = body.segmentId();
        t.questions = service.write(questions);
        t.active = body.active() == null || body.active();
        t.updatedAt = now;
    }

    /** Customers outside the caller's subtree, and A-grade files for those who may not read them, are left out. */
    private void scope(StringBuilder q, Parameters p) {
        if (access.scope().visibleUnits().isPresent()) {
            Set<String> units = access.scope().visibleUnits().get();
            q.append(" and a.orgUnit in :units");
            p.and("units", units.isEmpty() ? Set.of("") : units);
        }
        if (!access.seesGradeA()) {
            q.append(" and not exists (select 1 from Customer c where c.id = a.customerId and c.grade = 'A')");
        }
    }

    private boolean visibleCustomer(String customerId) {
        Customer c = Customer.findById(customerId);
        return c != null && access.canSee(c);
    }

    private SurveyTemplateEntity template(String id) {
        SurveyTemplateEntity t = id.length() > 64 ? null : SurveyTemplateEntity.findById(id);
        if (t == null) {
            throw ApiException.notFound("survey template", id);
        }
        return t;
    }

    private TemplateView view(SurveyTemplateEntity t) {
        return new TemplateView(t.id, t.name, t.segmentId, service.questions(t), t.active, t.createdBy,
                Times.out(t.createdAt), Times.out(t.updatedAt), t.version);
    }

    private AnswerView view(SurveyAnswerEntity a) {
        return new AnswerView(a.id, a.templateId, a.customerId, a.orgUnit, a.salesperson, a.complaintId, a.channel,
                service.scores(a), a.comment, a.score, a.satisfied, Times.out(a.answeredAt), a.recordedBy);
    }

    private static RequestView view(SurveyRequestEntity r) {
        return new RequestView(r.id, r.complaintId, r.customerId, r.orgUnit, r.salesperson, r.templateId, r.status,
                Times.out(r.requestedAt), r.answerId, Times.out(r.answeredAt));
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid(field, "must be a date (YYYY-MM-DD)");
        }
    }

    private static Instant cursorTime(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.invalid("cursor", "not a cursor this API issued");
        }
    }
}
