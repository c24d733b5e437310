package com.example.mkt.planning.staff;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.problem.ApiException;
import com.example.mkt.rest.security.CurrentUser;
import com.example.mkt.rest.security.OrgScope;
import com.example.mkt.rest.security.Roles;

/**
 * The staff register's attendance: per person and month, the scheduled days and the leave taken, recorded by the
 * people who maintain the register (gm, marketing_director, managers within their scope) and read by everyone who
 * sees the person. A PUT records the month or replaces it (then with If-Match) and publishes
 * {@code staff.attendance-recorded}; kpi-service prorates the scorecard's follow-up quota by it.
 */
@Path("/api/v1/staff/{id}/attendance")
@RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER, Roles.SUPERVISOR, Roles.STAFF, Roles.ANALYST })
public class StaffAttendanceResource {

    /** {@code leaveDates}: the days of leave, each a day of the month; none when left out. */
    public record AttendanceData(@NotNull @Min(0) @Max(31) Integer scheduledDays,
            @Size(max = 31) List<@NotNull LocalDate> leaveDates) {
    }

    public record AttendanceView(String staffId, String orgUnit, String month, int scheduledDays,
            List<LocalDate> leaveDates, int leaveDays, int daysOnDuty, String recordedBy, Instant updatedAt,
            long version) {
    }

    private final OrgScope scope;
    private final CurrentUser user;
    private final Clock clock;
    private final Outbox outbox;

    public StaffAttendanceResource(OrgScope scope, CurrentUser user, Clock clock, Outbox outbox) {
        this.scope = scope;
        this.user = user;
        this.clock = clock;
        this.outbox = outbox;
    }

    @GET
    @Path("{month}")
    public Response get(@PathParam("id") String id, @PathParam("month") String month) {
        StaffEntity s = visible(id);
        YearMonth m = MonthlyAttendance.month(month);
        StaffAttendanceEntity a = StaffAttendanceEntity.findById(new StaffAttendanceEntity.Key(s.id, m.toString()));
        if (a == null) {
            throw ApiException.notFound("attendance", id + " " + m);
        }
        return Response.ok(view(s, a)).header("ETag", ETags.of(a.version)).build();
    }

    /**
     * Records a month (201; If-Match is not needed for a month not recorded yet) or replaces it (200, If-Match
     * required): 400 naming the field for a malformed month,
     * days beyond the month, leave outside it, twice or beyond the scheduled days; 422 for a month the person was not
     * on duty at all. A save that changes nothing publishes nothing.
     */
    @APIResponse(responseCode = "201", description = "Recorded: Location names the month")
    @APIResponse(responseCode = "200", description = "Replaced")
    @PUT
    @Path("{month}")
    @Transactional
    @RolesAllowed({ Roles.GM, Roles.MARKETING_DIRECTOR, Roles.MANAGER })
    public Response record(@PathParam("id") String id, @PathParam("month") String month,
            @HeaderParam("If-Match") String ifMatch, @Valid @NotNull AttendanceData body) {
        StaffEntity s = visible(id);
        YearMonth m = MonthlyAttendance.month(month);
        MonthlyAttendance attendance = MonthlyAttendance.of(m, body.scheduledDays(), body.leaveDates());
        scope.requireAssignable("orgUnit", s.orgUnit);
        requireOnDutyIn(s, m);
        StaffAttendanceEntity a = StaffAttendanceEntity.findById(new StaffAttendanceEntity.Key(s.id, m.toString()));
        boolean created = a == null;
        if (created) {
            a = new StaffAttendanceEntity();
            a.staffId = s.id;
            a.month = m.toString();
            a.createdAt = clock.instant();
        } else {
            ETags.requireMatch(ifMatch, a.version);
            if (a.toAttendance().equals(attendance)) {
                return Response.ok(view(s, a)).header("ETag", ETags.of(a.version)).build();
            }
        }
        a.apply(attendance);
        a.recordedBy = user.login();
        a.updatedAt = clock.instant();
        if (created) {
            // two first recordings of one month racing: the second loses on the primary key, 409 from libs/rest
            a.persist();
        }
        a.flush();
        outbox.publish(StaffEvents.attendanceRecorded(s, a));
        Response.ResponseBuilder answer = created
                ? Response.created(URI.create("/api/v1/staff/" + s.id + "/attendance/" + a.month))
                : Response.ok();
        return answer.header("ETag", ETags.of(a.version)).entity(view(s, a)).build();
    }

    /** A month wholly before the person joined or after their last day on duty has no attendance to record. */
    private static void requireOnDutyIn(StaffEntity s, YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        if (last.isBefore(s.onDutyFrom) || (s.onDutyUntil != null && first.isAfter(s.onDutyUntil))) {
            throw ApiException.unprocessable("month", "staff " + s.id + " is not on duty in " + month + " (on duty "
                    + s.onDutyFrom + " to " + (s.onDutyUntil == null ? "now" : s.onDutyUntil) + ")");
        }
    }

    private StaffEntity visible(String id) {
        StaffEntity s = StaffEntity.findById(id);
        if (s == null) {
            throw ApiException.notFound("staff", id);
        }
        scope.requireVisible(s.orgUnit, "staff", id);
        return s;
    }

    private static AttendanceView view(StaffEntity s, StaffAttendanceEntity a) {
        MonthlyAttendance m = a.toAttendance();
        return new AttendanceView(s.id, s.orgUnit, a.month, m.scheduledDays(), m.leaveDates(), m.leaveDays(),
                m.daysOnDuty(), a.recordedBy, a.updatedAt, a.version);
    }
}
