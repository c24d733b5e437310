package com.example.mkt.planning.task;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import com.example.mkt.planning.plan.ExecutionAccess;
import com.example.mkt.rest.security.Roles;

/**
 * The execution state of an approved plan's tasks: {@code POST /plans/{id}/tasks/{taskId}/status}. Changing it
 * makes no plan version (the plan's ETag stays); illegal moves answer 409 with the allowed states.
 */
@Path("/api/v1/plans/{id}/tasks")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF })
public class TaskResource {

    public record StatusChange(@NotNull TaskStatus status, @Size(max = 4000) String note) {
    }

    private final TaskService service;
    private final ExecutionAccess access;

    public TaskResource(TaskService service, ExecutionAccess access) {
        this.service = service;
        this.access = access;
    }

    @POST
    @Path("{taskId}/status")
    public TaskService.TaskView status(@PathParam("id") String id, @PathParam("taskId") String taskId,
            @Valid @NotNull StatusChange body) {
        return service.change(id, taskId, body.status(), body.note(), access);
    }
}
