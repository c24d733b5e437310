package com.example.mkt.customer.complaint;

import com.example.mkt.customer.workflow.TransitionTable;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import static com.example.mkt.customer.complaint.ComplaintAction.ASSIGN;
import static com.example.mkt.customer.complaint.ComplaintAction.CLOSE;
import static com.example.mkt.customer.complaint.ComplaintAction.ESCALATE;
import static com.example.mkt.customer.complaint.ComplaintAction.REOPEN;
import static com.example.mkt.customer.complaint.ComplaintAction.RESOLVE;
import static com.example.mkt.customer.complaint.ComplaintAction.START;
import static com.example.mkt.customer.complaint.ComplaintState.ASSIGNED;
import static com.example.mkt.customer.complaint.ComplaintState.CLOSED;
import static com.example.mkt.customer.complaint.ComplaintState.ESCALATED;
import static com.example.mkt.customer.complaint.ComplaintState.IN_PROGRESS;
import static com.example.mkt.customer.complaint.ComplaintState.NEW;
import static com.example.mkt.customer.complaint.ComplaintState.REOPENED;
import static com.example.mkt.customer.complaint.ComplaintState.RESOLVED;

/**
 * Complaint handling (docs/domain.md#complaints).
 *
 * <p>Rules beyond the table: START and RESOLVE need an assignee; ESCALATE needs a level left above;
 * REOPEN of a CLOSED complaint only within the policy's reopen window. The first response is the first
 * START, RESOLVE or explicit {@link #respond}; assigning is internal and does not count. A SERIOUS
 * complaint is escalated to the centre director on receipt; an SLA breach raises the level by one
 * (supervisor, then centre director). Closing asks for a satisfaction survey.
 */
public final class ComplaintWorkflow {

    public static final TransitionTable<ComplaintState, ComplaintAction> TRANSITIONS =
            TransitionTable.builder("complaint", ComplaintState.class, ComplaintAction.class)
                    .on(NEW, ASSIGN, ASSIGNED)
                    .on(NEW, ESCALATE, ESCALATED)
                    .on(ASSIGNED, ASSIGN, ASSIGNED)
                    .on(ASSIGNED, START, IN_PROGRESS)
                    .on(ASSIGNED, RESOLVE, RESOLVED)
                    .on(ASSIGNED, ESCALATE, ESCALATED)
                    .on(IN_PROGRESS, ASSIGN, ASSIGNED)
                    .on(IN_PROGRESS, RESOLVE, RESOLVED)
                    .on(IN_PROGRESS, ESCALATE, ESCALATED)
                    .on(ESCALATED, ASSIGN, ASSIGNED)
                    .on(ESCALATED, START, IN_PROGRESS)
                    .on(ESCALATED, RESOLVE, RESOLVED)
                    .on(ESCALATED, ESCALATE, ESCALATED)
                    .on(RESOLVED, CLOSE, CLOSED)
                    .on(RESOLVED, REOPEN, REOPENED)
                    .on(CLOSED, REOPEN, REOPENED)
                    .on(REOPENED, ASSIGN, ASSIGNED)
                    .on(REOPENED, START, IN_PROGRESS)
                    .on(REOPENED, RESOLVE, RESOLVED)
                    .on(REOPENED, ESCALATE, ESCALATED)
                    .build();

    private final ComplaintSlaPolicy policy;

    public ComplaintWorkflow(ComplaintSlaPolicy policy) {
        this.policy = policy;
    }

    public ComplaintUpdate receive(String id, String customerId, ComplaintChannel channel, String category,
                                   ComplaintSeverity severity, String content, Instant receivedAt) {
        Complaint complaint = new Complaint(id, customerId, channel, category, severity, content, receivedAt, NEW,
                Optional.empty(), EscalationLevel.NONE, Optional.empty(), receivedAt, Optional.empty(), Optional.empty(),
                0, Set.of());
        if (severity == ComplaintSeverity.SERIOUS) {
            Complaint escalated = complaint.with(ESCALATED).escalatedTo(EscalationLevel.CENTRE_DIRECTOR, Set.of());
            return new ComplaintUpdate(escalated, Optional.of(EscalationLevel.CENTRE_DIRECTOR), false);
        }
        return ComplaintUpdate.of(complaint);
    }

    public Set<ComplaintAction> allowedActions(Complaint complaint, Instant now) {
        EnumSet<ComplaintAction> allowed = EnumSet.noneOf(ComplaintAction.class);
        allowed.addAll(TRANSITIONS.allowedActions(complaint.state()));
        if (complaint.assignee().isEmpty()) {
            allowed.remove(START);
            allowed.remove(RESOLVE);
        }
        if (complaint.escalationLevel() == EscalationLevel.CENTRE_DIRECTOR) {
            allowed.remove(ESCALATE);
        }
        if (complaint.state() == CLOSED && !withinReopenWindow(complaint, now)) {
            allowed.remove(REOPEN);
        }
        return allowed;
    }

    public ComplaintUpdate assign(Complaint complaint, String assignee, Instant at) {
        Objects.requireNonNull(assignee, "assignee");
        ComplaintState next = require(complaint, ASSIGN, at);
        return ComplaintUpdate.of(complaint.assignedTo(assignee).with(next));
    }

    public ComplaintUpdate start(Complaint complaint, Instant at) {
        ComplaintState next = require(complaint, START, at);
        return ComplaintUpdate.of(complaint.respondedAt(at).with(next));
    }

    /** Records a first answer to the customer without changing the state (e.g. a call-back on the hotline). */
    public ComplaintUpdate respond(Complaint complaint, Instant at) {
        if (complaint.state() == RESOLVED || complaint.state() == CLOSED) {
            return ComplaintUpdate.of(complaint);
        }
        return ComplaintUpdate.of(complaint.respondedAt(at));
    }

    /** Manual escalation by the agent: one level up. */
    public ComplaintUpdate escalate(Complaint complaint, Instant at) {
        ComplaintState next = require(complaint, ESCALATE, at);
        EscalationLevel level = complaint.escalationLevel().above();
        return new ComplaintUpdate(complaint.with(next).escalatedTo(level, complaint.breachesEscalated()),
                Optional.of(level), false);
    }

    public ComplaintUpdate resolve(Complaint complaint, Instant at) {
        ComplaintState next = require(complaint, RESOLVE, at);
        return ComplaintUpdate.of(complaint.respondedAt(at).resolvedAt(at).with(next));
    }

    public ComplaintUpdate close(Complaint complaint, Instant at) {
        ComplaintState next = require(complaint, CLOSE, at);
        return new ComplaintUpdate(complaint.closedAt(at).with(next), Optional.empty(), true);
    }

    public ComplaintUpdate reopen(Complaint complaint, Instant at) {
        ComplaintState next = require(complaint, REOPEN, at);
        return ComplaintUpdate.of(complaint.reopenedAt(at).with(next));
    }

    public Instant firstResponseDue(Complaint complaint) {
        return complaint.receivedAt().plus(policy.firstResponseFor(complaint.severity()));
    }

    public Instant resolutionDue(Complaint complaint) {
        return complaint.resolutionClockFrom().plus(policy.resolutionFor(complaint.severity()));
    }

    public SlaReport sla(Complaint complaint, Instant now) {
        Instant responseDue = firstResponseDue(complaint);
        Instant resolutionDue = resolutionDue(complaint);
        return new SlaReport(responseDue, status(complaint.firstRespondedAt(), responseDue, now),
                resolutionDue, status(complaint.resolvedAt(), resolutionDue, now));
    }

    /** Breaches at {@code now} not yet escalated, earliest deadline first: what a periodic job escalates. */
    public List<SlaBreach> breaches(Collection<Complaint> complaints, Instant now) {
        List<SlaBreach> found = new ArrayList<>();
        for (Complaint c : complaints) {
            if (c.state() == CLOSED) {
                continue;
            }
            SlaReport report = sla(c, now);
            EscalationLevel target = c.escalationLevel().above();
            if (report.firstResponse() == SlaStatus.BREACHED && c.firstRespondedAt().isEmpty()
                    && !c.breachesEscalated().contains(SlaKind.FIRST_RESPONSE)) {
                found.add(new SlaBreach(c.id(), SlaKind.FIRST_RESPONSE, report.firstResponseDue(), target));
            }
            if (report.resolution() == SlaStatus.BREACHED && c.resolvedAt().isEmpty()
                    && !c.breachesEscalated().contains(SlaKind.RESOLUTION)) {
                found.add(new SlaBreach(c.id(), SlaKind.RESOLUTION, report.resolutionDue(), target));
            }
        }
        found.sort(Comparator.comparing(SlaBreach::dueAt).thenComparing(SlaBreach::complaintId).thenComparing(SlaBreach::kind));
        return found;
    }

    /**
     * Escalates a breach one level (the centre director stays the owner at the top) and remembers it,
     * so the next check does not escalate it again. The state becomes ESCALATED where the table allows.
     */
    public ComplaintUpdate escalateBreach(Complaint complaint, SlaKind kind, Instant at) {
        if (complaint.breachesEscalated().contains(kind)) {
            return ComplaintUpdate.of(complaint);
        }
        EnumSet<SlaKind> breaches = EnumSet.of(kind);
        breaches.addAll(complaint.breachesEscalated());
        EscalationLevel level = complaint.escalationLevel().above();
        ComplaintState next = TRANSITIONS.target(complaint.state(), ESCALATE).orElse(complaint.state());
        return new ComplaintUpdate(complaint.with(next).escalatedTo(level, breaches), Optional.of(level), false);
    }

    private ComplaintState require(Complaint complaint, ComplaintAction action, Instant at) {
        Objects.requireNonNull(at, "at");
        if (at.isBefore(complaint.receivedAt())) {
            throw new IllegalArgumentException("action at " + at + " precedes receipt " + complaint.receivedAt());
        }
        return TRANSITIONS.require(complaint.state(), action, allowedActions(complaint, at));
    }

    private boolean withinReopenWindow(Complaint complaint, Instant now) {
        return complaint.closedAt().map(closed -> !now.isAfter(closed.plus(policy.reopenWindow()))).orElse(true);
    }

    private static SlaStatus status(Optional<Instant> doneAt, Instant due, Instant now) {
        if (doneAt.isPresent()) {
            return doneAt.get().isAfter(due) ? SlaStatus.BREACHED : SlaStatus.MET;
        }
        return now.isAfter(due) ? SlaStatus.BREACHED : SlaStatus.PENDING;
    }
}
