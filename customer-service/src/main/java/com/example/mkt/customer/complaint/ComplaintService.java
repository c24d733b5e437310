package com.example.mkt.customer.complaint;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.example.mkt.customer.survey.SurveyService;
import com.example.mkt.customer.web.CustomerEvents;
import com.example.mkt.customer.web.Times;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.rest.concurrency.ETags;

/** Complaint moves, each saved with its event in one transaction. */
@ApplicationScoped
public class ComplaintService {

    /**
     * Every complaint event carries both SLA clocks and whether none of them is breached, and the staff member it is
     * assigned to (null while unassigned), whose staff complaint cells kpi-service keeps from these events.
     */
    public record ComplaintEvent(String complaintId, String customerId, String orgUnit, String assignee, String severity,
            String category, String state, String escalationLevel, String escalationReason, String firstResponseDue,
            String firstResponseSla, String resolutionDue, String resolutionSla, boolean slaMet,
            boolean surveyRequested, int reopenCount, String at) {
    }

    private final ComplaintWorkflow workflow;
    private final Outbox outbox;
    private final Clock clock;
    private final EntityManager em;
    private final SurveyService surveys;

    public ComplaintService(ComplaintWorkflow workflow, Outbox outbox, Clock clock, EntityManager em,
            SurveyService surveys) {
        this.workflow = workflow;
        this.outbox = outbox;
        this.clock = clock;
        this.em = em;
        this.surveys = surveys;
    }

    public ComplaintWorkflow workflow() {
        return workflow;
    }

    public Instant now() {
        return clock.instant();
    }

    @Transactional
    public ComplaintEntity open(String customerId, String orgUnit, ComplaintChannel channel, String category,
            ComplaintSeverity severity, String content, Instant receivedAt, String actor) {
        ComplaintUpdate update = workflow.receive(UUID.randomUUID().toString(), customerId, channel, category, severity,
                content, receivedAt);
        ComplaintEntity e = new ComplaintEntity();
        e.apply(update.complaint());
        e.orgUnit = orgUnit;
        e.createdBy = actor;
        e.persist();
        Instant now = clock.instant();
        List<OutboundEvent> events = new ArrayList<>();
        events.add(event("complaint.opened", e, update, null, now));
        update.escalatedTo().ifPresent(level -> events.add(event("complaint.escalated", e, update, "SERIOUS", now)));
        outbox.publishAll(events);
        return e;
    }

    /** Applies one move under the row's lock; {@code eventType} null when the move publishes nothing. */
    @Transactional
    public ComplaintEntity move(String id, String ifMatch, Function<Complaint, ComplaintUpdate> action,
            String eventType, String escalationReason, String resolution) {
        ComplaintEntity e = em.find(ComplaintEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        ETags.requireMatchIfPresent(ifMatch, e.version);
        ComplaintUpdate update = action.apply(e.toDomain());
        e.apply(update.complaint());
        if (resolution != null) {
            e.resolution = resolution;
        }
        Instant now = clock.instant();
        if (update.surveyRequested()) {
            // closing asks the customer for a satisfaction survey: one request per complaint
            surveys.requestForComplaint(e.id, e.customerId, now);
        }
        if (eventType != null) {
            outbox.publish(event(eventType, e, update, escalationReason, now));
        } else if (update.escalatedTo().isPresent()) {
            outbox.publish(event("complaint.escalated", e, update, escalationReason, now));
        }
        em.flush();
        return e;
    }

    ComplaintEvent data(ComplaintEntity e, ComplaintUpdate update, String escalationReason, Instant now) {
        Complaint c = update.complaint();
        SlaReport sla = workflow.sla(c, now);
        return new ComplaintEvent(c.id(), c.customerId(), e.orgUnit, c.assignee().orElse(null), c.severity().name(),
                c.category(),
                c.state().name(), c.escalationLevel().name(), escalationReason,
                Times.out(sla.firstResponseDue()).toString(), sla.firstResponse().name(),
                Times.out(sla.resolutionDue()).toString(), sla.resolution().name(), !sla.isBreached(),
                update.surveyRequested(), c.reopenCount(), Times.out(now).toString());
    }

    OutboundEvent event(String type, ComplaintEntity e, ComplaintUpdate update, String escalationReason, Instant now) {
        return CustomerEvents.of(type, e.id, data(e, update, escalationReason, now));
    }
}
