package com.example.mkt.planning.progress;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.example.mkt.eventing.jdbc.TextArrays;
import com.example.mkt.eventing.outbox.OutboundEvent;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.planning.approval.ApprovalState;
import com.example.mkt.planning.plan.PlanContent;
import com.example.mkt.planning.plan.PlanEntity;
import com.example.mkt.planning.plan.PlanEvents;
import com.example.mkt.planning.plan.PlanService;
import com.example.mkt.planning.plan.PlanVersionEntity;
import com.example.mkt.planning.shared.PlanningConfig;
import com.example.mkt.planning.task.TaskService;
import com.example.mkt.planning.task.TaskStatusEntity;

import io.quarkus.scheduler.Scheduled;

/**
 * Flags the tasks of approved plan versions that are past their due date and neither done nor cancelled (their
 * execution state, {@link TaskService}), once per
 * task: the flag row's primary key makes the insert-if-absent decide, whichever replica runs first.
 */
@ApplicationScoped
public class TaskOverdueJob {

    public static final String TASK_OVERDUE = "plan.task-overdue";

    public record TaskOverdueData(String planId, int version, String ownerOrgUnit, String taskId, String what,
            String ownerStaffId, LocalDate due, OffsetDateTime flaggedAt) {
    }

    private final EntityManager em;
    private final Outbox outbox;
    private final PlanService plans;
    private final Clock clock;
    private final ZoneId zone;

    public TaskOverdueJob(EntityManager em, Outbox outbox, PlanService plans, Clock clock, PlanningConfig config) {
        this.em = em;
        this.outbox = outbox;
        this.plans = plans;
        this.clock = clock;
        this.zone = config.zone();
    }

    @Scheduled(identity = "task-overdue", every = "${planning.plans.overdue-every}", delayed = "60s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        flag();
    }

    /** Flags what is overdue now; returns the number of newly flagged tasks. */
    @Transactional
    public int flag() {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        List<PlanVersionEntity> approved = PlanVersionEntity.list("state", ApprovalState.APPROVED);
        if (approved.isEmpty()) {
            return 0;
        }
        Map<String, PlanEntity> plansById = PlanEntity.<PlanEntity>list("id in ?1",
                approved.stream().map(v -> v.planId).toList()).stream()
                .collect(Collectors.toMap(p -> p.id, Function.identity()));
        List<String> planIds = List.copyOf(plansById.keySet());
        // Execution states and the flags already raised, for every approved plan at once: a task flagged on an
        // earlier run is not written again.
        Map<String, Map<String, TaskStatusEntity>> recordedByPlan = TaskStatusEntity.<TaskStatusEntity>list(
                "planId in ?1", planIds).stream().collect(Collectors.groupingBy(t -> t.planId,
                        Collectors.toMap(t -> t.taskId, Function.identity())));
        @SuppressWarnings("unchecked")
        Set<List<Object>> flagged = ((List<Object[]>) em.createNativeQuery("SELECT plan_id, plan_version, task_id"
                + " FROM task_overdue_flag WHERE plan_id IN (?1)").setParameter(1, planIds).getResultList()).stream()
                .map(r -> List.<Object>of(r[0], ((Number) r[1]).intValue(), r[2])).collect(Collectors.toSet());
        OffsetDateTime now = clock.instant().atZone(zone).toOffsetDateTime();
        // keyed by flag: a task id given twice in one version is flagged (and announced) once, as its first
        Map<List<Object>, OutboundEvent> candidates = new java.util.LinkedHashMap<>();
        for (PlanVersionEntity version : approved) {
            PlanEntity plan = plansById.get(version.planId);
            PlanContent content = plans.content(version);
            Map<String, TaskStatusEntity> recorded = recordedByPlan.getOrDefault(plan.id, Map.of());
            for (PlanContent.TaskData task : content.tasks() == null ? List.<PlanContent.TaskData>of() : content.tasks()) {
                List<Object> key = task == null || task.id() == null ? null
                        : List.<Object>of(plan.id, version.number, task.id());
                if (key == null || flagged.contains(key)
                        || !TaskService.isOverdue(task, TaskService.statusOf(task, recorded), today)) {
                    continue;
                }
                candidates.putIfAbsent(key, new OutboundEvent(PlanEvents.TOPIC, TASK_OVERDUE, 1, plan.id,
                        new TaskOverdueData(plan.id, version.number, plan.ownerOrgUnit, task.id(), task.what(),
                                task.ownerStaffId(), task.due(), now)));
            }
        }
        List<OutboundEvent> events = insertFlags(candidates, now).stream().map(candidates::get).toList();
        outbox.publishAll(events);
        return events.size();
    }

    /**
     * One multi-row insert for all candidates; the keys it returns are the flags this run raised (a concurrent run
     * of another replica that got there first makes ON CONFLICT skip them here).
     */
    @SuppressWarnings("unchecked")
    private List<List<Object>> insertFlags(Map<List<Object>, OutboundEvent> candidates, OffsetDateTime now) {
        if (candidates.isEmpty()) {
            return List.of();
        }
        List<List<Object>> keys = List.copyOf(candidates.keySet());
        List<Object[]> rows = em.createNativeQuery("WITH inserted AS (INSERT INTO task_overdue_flag (plan_id,"
                + " plan_version, task_id, flagged_at) SELECT p, v, t, ?4 FROM unnest(CAST(?1 AS text[]),"
                + " CAST(?2 AS int[]), CAST(?3 AS text[])) AS c(p, v, t) ON CONFLICT DO NOTHING"
                + " RETURNING plan_id, plan_version, task_id) SELECT * FROM inserted")
                .setParameter(1, TextArrays.literal(keys.stream().map(k -> (String) k.get(0)).toList()))
                .setParameter(2, keys.stream().map(k -> k.get(1).toString())
                        .collect(Collectors.joining(",", "{", "}")))
                .setParameter(3, TextArrays.literal(keys.stream().map(k -> (String) k.get(2)).toList()))
                .setParameter(4, now.toInstant()).getResultList();
        Set<List<Object>> raised = rows.stream()
                .map(r -> List.<Object>of(r[0], ((Number) r[1]).intValue(), r[2])).collect(Collectors.toSet());
        return keys.stream().filter(raised::contains).toList();
    }
}
