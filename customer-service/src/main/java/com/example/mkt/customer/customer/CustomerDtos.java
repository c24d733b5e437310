package com.example.mkt.customer.customer;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import com.example.mkt.customer.followup.ContactChannel;
import com.example.mkt.customer.grade.CustomerGrade;
import com.fasterxml.jackson.annotation.JsonInclude;

/** Request and response bodies of the customer endpoints. */
public final class CustomerDtos {

    static final String PHONE = "^\\+?[0-9][0-9 -]{4,30}$";
    static final String PHONE_MESSAGE = "must be a phone number: digits, spaces, hyphens, optional leading +";

    private CustomerDtos() {
    }

    public record NewContact(@NotBlank @Size(max = 100) String name, @NotBlank @Size(max = 100) String title,
            @NotEmpty @Size(max = 5) List<@NotBlank @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String> phones,
            @Email @Size(max = 200) String email, Boolean keyPerson, @Size(max = 32) String decisionRole) {
    }

    /** The archive's own attributes, which creating and replacing a customer both set (CustomerService). */
    public interface Attributes {
        CustomerType type();

        String name();

        CustomerStatus status();

        String orgUnit();

        String salesperson();

        String region();

        String industry();

        String size();

        String acquisitionChannel();

        Boolean member();

        LocalDate birthday();

        String phone();

        List<String> tags();

        String notes();
    }

    public record NewCustomer(@NotNull CustomerType type, @NotBlank @Size(max = 200) String name,
            @NotNull CustomerStatus status, @NotBlank @Size(max = 64) String orgUnit,
            @Size(max = 64) String salesperson, @Size(max = 100) String region, @Size(max = 100) String industry,
            @Size(max = 32) String size, @Size(max = 32) String acquisitionChannel, Boolean member,
            LocalDate birthday, @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
            @Size(max = 128) String externalRef, CustomerGrade grade,
            @Size(max = 20) List<@NotBlank @Size(max = 32) String> tags, @Size(max = 4000) String notes,
            @NotEmpty @Size(max = 20) List<@Valid @NotNull NewContact> contacts) implements Attributes {
    }

    /** A full replacement of the editable archive fields; contacts and the grade have their own endpoints. */
    public record CustomerUpdate(@NotNull CustomerType type, @NotBlank @Size(max = 200) String name,
            @NotNull CustomerStatus status, @NotBlank @Size(max = 64) String orgUnit,
            @Size(max = 64) String salesperson, @Size(max = 100) String region, @Size(max = 100) String industry,
            @Size(max = 32) String size, @Size(max = 32) String acquisitionChannel, Boolean member,
            LocalDate birthday, @Pattern(regexp = PHONE, message = PHONE_MESSAGE) String phone,
            @Size(max = 20) List<@NotBlank @Size(max = 32) String> tags, @Size(max = 4000) String notes)
            implements Attributes {
    }

    public record NewLogEntry(@NotNull ContactChannel channel, @NotNull OffsetDateTime occurredAt,
            @NotBlank @Size(max = 8000) String content, @Size(max = 4000) String result,
            @Size(max = 4000) String openIssues) {
    }

    public record NewGradeChange(@NotNull CustomerGrade grade, @NotBlank @Size(max = 1000) String reason) {
    }

    public record ContactView(String id, String name, String title, List<String> phones, String email,
            boolean keyPerson, String decisionRole) {

        static ContactView of(Contact c) {
            return new ContactView(c.id, c.name, c.title, List.of(c.phones), c.email, c.keyPerson, c.decisionRole);
        }
    }

    /** Credit standing; only supervisors and above receive it. {@code tier} null = ordinary customer. */
    public record CreditView(String tier, boolean keyAccount) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CustomerView(String id, String type, String name, String status, String orgUnit, String salesperson,
            String region, String industry, String size, String acquisitionChannel, boolean member, LocalDate birthday,
            String phone, String externalRef, List<String> tags, String notes, String grade, String tier, boolean vip,
            String lifecycleStage, int valueScore, CreditView credit, List<ContactView> contacts,
            OffsetDateTime createdAt, OffsetDateTime updatedAt, long version) {
    }

    public record LogEntryView(String id, String channel, OffsetDateTime occurredAt, String visitor, String content,
            String result, String openIssues, OffsetDateTime recordedAt) {
    }

    public record AuditView(long id, OffsetDateTime at, String actor, String action, Object changes) {
    }

    public record GradeChangeView(long id, String from, String to, String reason, String changedBy,
            OffsetDateTime changedAt) {
    }
}
