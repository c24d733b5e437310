package com.example.mkt.planning.task;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.planning.approval.ApprovalState;
import com.example.mkt.planning.plan.ExecutionAccess;
import com.example.mkt.planning.plan.PlanContent;
import com.example.mkt.planning.plan.PlanEntity;
import com.example.mkt.planning.plan.PlanService;
import com.example.mkt.planning.plan.PlanVersionEntity;
import com.example.mkt.planning.shared.PlanningConfig;
import com.example.mkt.rest.problem.ApiException;

/**
 * The execution of an approved plan's tasks: status changes by the task's owner or a manager in scope, kept apart
 * from the immutable version content (no new version), published as {@code plan.task-status-changed} keyed by the
 * plan id. A task is overdue while its due date has passed and it is neither DONE nor CANCELLED: finishing it
 * clears the flag, blocking it does not.
 */
@ApplicationScoped
public class TaskService {

    public static final String TOPIC = "planning.events";
    public static final String STATUS_CHANGED = "plan.task-status-changed";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public record TaskStatusChangedData(String planId, int version, String ownerOrgUnit, String taskId, String what,
            String ownerStaffId, LocalDate due, String from, String to, boolean overdue, String actorId, String note,
            OffsetDateTime at) {
    }

    public record TaskView(String taskId, String what, String ownerStaffId, LocalDate due, String cost,
            TaskStatus status, boolean overdue, String changedBy, OffsetDateTime changedAt, String note,
            List<TaskStatus> allowed) {
    }

    /** The approved version's tasks: counts per status, completion (DONE of the tasks not CANCELLED) and items. */
    public record TaskProgress(int planVersion, int total, Map<TaskStatus, Integer> byStatus,
            String completionPercent, List<String> overdue, List<TaskView> items) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final PlanService plans;
    private final Clock clock;
    private final ZoneId zone;

    public TaskService(EntityManager em, Outbox outbox, PlanService plans, Clock clock, PlanningConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.plans = plans;
        this.clock = clock;
        this.zone = config.zone();
    }

    /** Moves task {@code taskId} of the plan's approved version to {@code to}; 409 with the allowed states. */
    @Transactional
    public TaskView change(String planId, String taskId, TaskStatus to, String note, ExecutionAccess access) {
        PlanService.Loaded loaded = plans.load(planId, p -> p);
        PlanEntity plan = loaded.plan();
        Optional<PlanVersionEntity> approved = approved(loaded);
        PlanContent.TaskData task = approved.flatMap(v -> task(plans.content(v), taskId)).orElse(null);
        access.requireVisible(plan, task == null ? null : task.ownerStaffId());
        if (approved.isEmpty()) {
            throw ApiException.illegalTransition("plan " + planId + " has no approved version: tasks are carried out"
                    + " once the plan is approved", List.of());
        }
        if (task == null) {
            throw ApiException.notFound("task", planId + "/" + taskId);
        }
        access.require(plan, task.ownerStaffId(), "task " + taskId);
        Instant now = clock.instant();
        em.createNativeQuery("INSERT INTO task_status (plan_id, task_id, status, changed_by, changed_at)"
                + " VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING")
                .setParameter(1, planId).setParameter(2, taskId)
                .setParameter(3, TaskStatus.fromContent(task.status()).name())
                .setParameter(4, access.actor().staffId()).setParameter(5, now).executeUpdate();
        TaskStatusEntity row = em.find(TaskStatusEntity.class, new TaskStatusEntity.Key(planId, taskId),
                LockModeType.PESSIMISTIC_WRITE);
        TaskStatus from = row.status;
        if (!from.mayBecome(to)) {
            throw ApiException.illegalTransition("task " + taskId + " is " + from + " and cannot become " + to,
                    from.allowedNext().stream().map(Enum::name).toList());
        }
        row.status = to;
        row.changedBy = access.actor().staffId();
        row.changedAt = now;
        row.note = note;
        LocalDate today = now.atZone(zone).toLocalDate();
        boolean overdue = isOverdue(task, to, today);
        outbox.publish(new OutboundEvent(TOPIC, STATUS_CHANGED, 1, planId, new TaskStatusChangedData(planId,
                approved.get().number, plan.ownerOrgUnit, taskId, task.what(), task.ownerStaffId(), task.due(),
                from.name(), to.name(), overdue, row.changedBy, note, now.atZone(zone).toOffsetDateTime())));
        return view(task, row, today);
    }

    /** The recorded execution states of a plan's tasks, by task id (tasks nobody changed have none). */
    public Map<String, TaskStatusEntity> statuses(String planId) {
        Map<String, TaskStatusEntity> out = new HashMap<>();
        TaskStatusEntity.<TaskStatusEntity>list("planId", planId).forEach(s -> out.put(s.taskId, s));
        return out;
    }

    /** A task's state: the recorded one, else the one its content states. */
    public static TaskStatus statusOf(PlanContent.TaskData task, Map<String, TaskStatusEntity> recorded) {
        TaskStatusEntity row = recorded.get(task.id());
        return row != null ? row.status : TaskStatus.fromContent(task.status());
    }

    public static boolean isOverdue(PlanContent.TaskData task, TaskStatus status, LocalDate today) {
        return task.due() != null && task.due().isBefore(today) && !status.isFinished();
    }

    /** Task execution of the approved version; empty when no version is approved. */
    public Optional<TaskProgress> progress(PlanService.Loaded loaded) {
        Optional<PlanVersionEntity> approved = approved(loaded);
        if (approved.isEmpty()) {
            return Optional.empty();
        }
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        Map<String, TaskStatusEntity> recorded = statuses(loaded.plan().id);
        List<PlanContent.TaskData> tasks = tasks(plans.content(approved.get()));
        Map<TaskStatus, Integer> counts = new EnumMap<>(TaskStatus.class);
        for (TaskStatus s : TaskStatus.values()) {
            counts.put(s, 0);
        }
        List<TaskView> items = tasks.stream().map(t -> view(t, recorded.get(t.id()), today)).toList();
        items.forEach(v -> counts.merge(v.status(), 1, Integer::sum));
        int relevant = items.size() - counts.get(TaskStatus.CANCELLED);
        String completion = relevant == 0 ? null : BigDecimal.valueOf(counts.get(TaskStatus.DONE)).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(relevant), 2, RoundingMode.HALF_UP).toPlainString();
        return Optional.of(new TaskProgress(approved.get().number, items.size(), counts, completion,
                items.stream().filter(TaskView::overdue).map(TaskView::taskId).toList(), items));
    }

    private TaskView view(PlanContent.TaskData task, TaskStatusEntity row, LocalDate today) {
        TaskStatus status = row != null ? row.status : TaskStatus.fromContent(task.status());
        return new TaskView(task.id(), task.what(), task.ownerStaffId(), task.due(), task.cost(), status,
                isOverdue(task, status, today), row == null ? null : row.changedBy,
                row == null ? null : row.changedAt.atZone(zone).toOffsetDateTime(), row == null ? null : row.note,
                List.copyOf(status.allowedNext()));
    }

    private static Optional<PlanVersionEntity> approved(PlanService.Loaded loaded) {
        return loaded.versions().stream().filter(v -> v.state == ApprovalState.APPROVED).findFirst();
    }

    private static Optional<PlanContent.TaskData> task(PlanContent content, String taskId) {
        return tasks(content).stream().filter(t -> taskId.equals(t.id())).findFirst();
    }

    private static List<PlanContent.TaskData> tasks(PlanContent content) {
        return content.tasks() == null ? List.of()
                : content.tasks().stream().filter(t -> t != null && t.id() != null).toList();
    }
}
