package com.example.mkt.planning.task;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The execution state of one task of a plan, by task id (it carries over to an amended version). */
@Entity
@Table(name = "task_status")
@IdClass(TaskStatusEntity.Key.class)
public class TaskStatusEntity extends PanacheEntityBase {

    @Id
    @Column(name = "plan_id")
    public String planId;

    @Id
    @Column(name = "task_id")
    public String taskId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public TaskStatus status;

    @Column(name = "changed_by", nullable = false)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;

    public String note;

    @Version
    public Long version;

    public static class Key implements Serializable {
        public String planId;
        public String taskId;

        public Key() {
        }

        public Key(String planId, String taskId) {
            this.planId = planId;
            this.taskId = taskId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(k.planId, planId) && Objects.equals(k.taskId, taskId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(planId, taskId);
        }
    }
}
