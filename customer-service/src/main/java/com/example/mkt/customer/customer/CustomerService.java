package com.example.mkt.customer.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.example.mkt.customer.customer.CustomerDtos.Attributes;
import com.example.mkt.customer.customer.CustomerDtos.CustomerUpdate;
import com.example.mkt.customer.customer.CustomerDtos.NewContact;
import com.example.mkt.customer.customer.CustomerDtos.NewCustomer;
import com.example.mkt.customer.customer.CustomerDtos.NewGradeChange;
import com.example.mkt.customer.customer.CustomerDtos.NewLogEntry;
import com.example.mkt.customer.grade.CustomerGrade;
import com.example.mkt.customer.grade.GradeChange;
import com.example.mkt.customer.web.CustomerEvents;
import com.example.mkt.customer.web.Times;
import com.example.mkt.eventing.outbox.Outbox;
import com.example.mkt.rest.concurrency.ETags;
import com.example.mkt.rest.problem.ApiException;

/** Archive changes: each one writes its audit entry and its event in the transaction of the change. */
@ApplicationScoped
public class CustomerService {

    private final Outbox outbox;
    private final Clock clock;

    public CustomerService(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public record Registered(String customerId, String type, String name, String status, String orgUnit,
            String salesperson, String grade, String externalRef, String origin, String registeredAt) {
    }

    public record Updated(String customerId, String orgUnit, List<String> changedFields, String updatedAt) {
    }

    public record GradeChanged(String customerId, String orgUnit, String from, String to, String reason,
            String changedBy, String changedAt, boolean upgrade) {
    }

    @Transactional
    public Customer create(NewCustomer body, String actor) {
        Instant now = clock.instant();
        Customer c = new Customer();
        c.id = UUID.randomUUID().toString();
        setAttributes(c, body);
        c.externalRef = body.externalRef();
        c.grade = body.grade() == null ? null : body.grade().name();
        c.createdAt = now;
        c.updatedAt = now;
        if (c.externalRef != null && Customer.count("externalRef", c.externalRef) > 0) {
            throw ApiException.conflict("a customer with externalRef " + c.externalRef + " exists");
        }
        List<Contact> contacts = new ArrayList<>();
        for (NewContact nc : body.contacts()) {
            contacts.add(contact(c.id, nc, now));
        }
        c.searchPhones = searchPhones(c.phone, contacts);
        c.persist();
        Contact.persist(contacts);
        audit(c.id, actor, "CREATED", snapshot(c), now);
        if (body.grade() != null) {
            recordGrade(c, null, body.grade(), "initial grade", actor, now);
        }
        outbox.publish(CustomerEvents.of("customer.registered", c.id, new Registered(c.id, c.type.name(), c.name,
                c.status.name(), c.orgUnit, c.salesperson, c.grade, c.externalRef, "API", Times.out(now).toString())));
        return c;
    }

    @Transactional
    public Customer update(String id, String ifMatch, CustomerUpdate body, String actor) {
        Customer c = reload(id);
        ETags.requireMatch(ifMatch, c.version);
        Map<String, Object> before = snapshot(c);
        setAttributes(c, body);
        Map<String, Object> after = snapshot(c);
        Map<String, Object> changes = diff(before, after);
        if (changes.isEmpty()) {
            return c;
        }
        Instant now = clock.instant();
        if (changes.containsKey("phone")) {
            c.searchPhones = searchPhones(c.phone, Contact.list("customerId", c.id));
        }
        c.updatedAt = now;
        audit(c.id, actor, "UPDATED", changes, now);
        outbox.publish(CustomerEvents.of("customer.updated", c.id,
                new Updated(c.id, c.orgUnit, List.copyOf(changes.keySet()), Times.out(now).toString())));
        Customer.getEntityManager().flush();
        return c;
    }

    /** The attributes creating and replacing a customer set alike; the name only when it changes (re-keyed). */
    private static void setAttributes(Customer c, Attributes body) {
        c.type = body.type();
        if (!Objects.equals(c.name, body.name())) {
            c.rename(body.name());
        }
        c.status = body.status();
        c.orgUnit = body.orgUnit();
        c.salesperson = body.salesperson();
        c.region = body.region();
        c.industry = body.industry();
        c.size = body.size();
        c.acquisitionChannel = body.acquisitionChannel();
        c.member = Boolean.TRUE.equals(body.member());
        c.birthday = body.birthday();
        c.phone = body.phone();
        c.tags = tags(body.tags());
        c.notes = body.notes();
    }

    @Transactional
    public Contact addContact(String id, NewContact body, String actor) {
        Customer c = reload(id);
        Instant now = clock.instant();
        Contact contact = contact(c.id, body, now);
        contact.persist();
        List<Contact> all = new ArrayList<>(Contact.list("customerId", c.id));
        c.searchPhones = searchPhones(c.phone, all);
        c.updatedAt = now;
        audit(c.id, actor, "CONTACT_ADDED", Map.of("contact", Map.of("id", contact.id, "name", contact.name,
                "title", contact.title, "phones", List.of(contact.phones))), now);
        outbox.publish(CustomerEvents.of("customer.updated", c.id,
                new Updated(c.id, c.orgUnit, List.of("contacts"), Times.out(now).toString())));
        return contact;
    }

    @Transactional
    public ContactLogEntry log(Customer c, NewLogEntry body, String visitor) {
        ContactLogEntry e = new ContactLogEntry();
        e.id = UUID.randomUUID().toString();
        e.customerId = c.id;
        e.channel = body.channel().name();
        e.occurredAt = body.occurredAt().toInstant();
        e.visitor = visitor;
        e.content = body.content();
        e.result = body.result();
        e.openIssues = body.openIssues();
        e.recordedAt = clock.instant();
        e.persist();
        return e;
    }

    @Transactional
    public GradeChangeEntry changeGrade(String id, String ifMatch, NewGradeChange body, String actor) {
        Customer c = reload(id);
        ETags.requireMatch(ifMatch, c.version);
        CustomerGrade from = c.grade == null ? null : CustomerGrade.valueOf(c.grade);
        if (from == body.grade()) {
            throw ApiException.conflict("grade is already " + from);
        }
        Instant now = clock.instant();
        GradeChangeEntry entry = recordGrade(c, from, body.grade(), body.reason(), actor, now);
        audit(c.id, actor, "GRADE_CHANGED", Map.of("grade", change(c.grade, body.grade().name()),
                "reason", body.reason()), now);
        c.grade = body.grade().name();
        c.updatedAt = now;
        Customer.getEntityManager().flush();
        return entry;
    }

    /** The caller checked access on a copy read outside this transaction; changes go to a managed one. */
    private static Customer reload(String id) {
        Customer c = Customer.findById(id);
        if (c == null) {
            throw ApiException.notFound("customer", id);
        }
        return c;
    }

    public Customer current(String id) {
        return reload(id);
    }

    private GradeChangeEntry recordGrade(Customer c, CustomerGrade from, CustomerGrade to, String reason, String actor,
            Instant now) {
        GradeChange change = new GradeChange(c.id, java.util.Optional.ofNullable(from), to, reason, actor, now);
        GradeChangeEntry entry = new GradeChangeEntry();
        entry.customerId = c.id;
        entry.fromGrade = from == null ? null : from.name();
        entry.toGrade = to.name();
        entry.reason = reason;
        entry.changedBy = actor;
        entry.changedAt = now;
        entry.persist();
        outbox.publish(CustomerEvents.of("customer.grade-changed", c.id, new GradeChanged(c.id, c.orgUnit,
                entry.fromGrade, entry.toGrade, reason, actor, Times.out(now).toString(), change.isUpgrade())));
        return entry;
    }

    private static Contact contact(String customerId, NewContact nc, Instant now) {
        Contact contact = new Contact();
        contact.id = UUID.randomUUID().toString();
        contact.customerId = customerId;
        contact.name = nc.name();
        contact.title = nc.title();
        contact.phones = nc.phones().toArray(String[]::new);
        contact.email = nc.email();
        contact.keyPerson = Boolean.TRUE.equals(nc.keyPerson());
        contact.decisionRole = nc.decisionRole();
        contact.createdAt = now;
        return contact;
    }

    private void audit(String customerId, String actor, String action, Map<String, Object> changes, Instant now) {
        AuditEntry a = new AuditEntry();
        a.customerId = customerId;
        a.actor = actor;
        a.action = action;
        a.changes = changes;
        a.at = now;
        a.persist();
    }

    /** Digits of every phone, space separated, so "138-0013" and "1380013" find the same number. */
    static String searchPhones(String own, List<Contact> contacts) {
        TreeSet<String> digits = new TreeSet<>();
        if (own != null) {
            digits.add(own.replaceAll("[^0-9]", ""));
        }
        for (Contact c : contacts) {
            for (String p : c.phones) {
                digits.add(p.replaceAll("[^0-9]", ""));
            }
        }
        digits.remove("");
        return String.join(" ", digits);
    }

    private static String[] tags(List<String> tags) {
        return tags == null ? new String[0] : new TreeSet<>(tags).toArray(String[]::new);
    }

    private static Map<String, Object> snapshot(Customer c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", c.type == null ? null : c.type.name());
        m.put("name", c.name);
        m.put("status", c.status == null ? null : c.status.name());
        m.put("orgUnit", c.orgUnit);
        m.put("salesperson", c.salesperson);
        m.put("region", c.region);
        m.put("industry", c.industry);
        m.put("size", c.size);
        m.put("acquisitionChannel", c.acquisitionChannel);
        m.put("member", c.member);
        m.put("birthday", c.birthday == null ? null : c.birthday.toString());
        m.put("phone", c.phone);
        m.put("externalRef", c.externalRef);
        m.put("tags", Arrays.asList(c.tags));
        m.put("notes", c.notes);
        m.put("grade", c.grade);
        return m;
    }

    private static Map<String, Object> diff(Map<String, Object> before, Map<String, Object> after) {
        Map<String, Object> changes = new LinkedHashMap<>();
        after.forEach((field, value) -> {
            Object old = before.get(field);
            if (!Objects.equals(old, value)) {
                changes.put(field, change(old, value));
            }
        });
        return changes;
    }

    private static Map<String, Object> change(Object from, Object to) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("from", from);
        m.put("to", to);
        return m;
    }
}
