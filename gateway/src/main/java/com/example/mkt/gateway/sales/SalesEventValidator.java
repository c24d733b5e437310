package com.example.mkt.gateway.sales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.TreeMap;

import com.example.mkt.contracts.EventContract;
import com.example.mkt.eventing.envelope.IsoTimes;
import com.example.mkt.rest.problem.FieldError;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ValidationMessage;

/**
 * Checks one sales event against the published schema (libs/contracts, the same file every consumer validates
 * records with) and then against the rules a schema cannot express: the currency is the platform's, the amount adds
 * up, the time is not in the future.
 */
public class SalesEventValidator {

    /** The published schema the gateway owns, kept in libs/contracts where every consumer reads it. */
    public static final String SCHEMA = EventContract.resource("sales.recorded", 1);

    private final EventContract contract;
    private final Clock clock;
    private final Duration maxFutureSkew;
    private final String currency;

    /** {@code currency}: the platform's configured currency, the only one the sales figures are kept in. */
    public SalesEventValidator(Clock clock, Duration maxFutureSkew, String currency) {
        this.clock = clock;
        this.maxFutureSkew = maxFutureSkew;
        this.currency = currency;
        // compiled once per JVM and shared with nothing else here; the consumers compile their own copy
        this.contract = EventContract.of("sales.recorded", 1);
    }

    /** Every reason this event is refused, by field; empty when it may be published. */
    public List<FieldError> validate(JsonNode event) {
        if (event == null || !event.isObject()) {
            return List.of(new FieldError("event", "must be a JSON object"));
        }
        // One reason per field is enough to fix it; a pattern and a format failing together say the same.
        Map<String, FieldError> byField = new TreeMap<>();
        for (ValidationMessage m : contract.validate(event)) {
            FieldError error = toFieldError(m);
            byField.putIfAbsent(error.field(), error);
        }
        if (hasControlCharacters(event)) {
            controlCharacters(event, "", byField);
        }
        Set<FieldError> errors = new LinkedHashSet<>(byField.values());
        Set<String> broken = Set.copyOf(byField.keySet());
        // Rules run only on fields the schema found well-formed, so each field has one clear reason.
        if (!broken.contains("currency") && event.path("currency").isTextual()) {
            checkCurrency(event.get("currency").asText(), currency, errors);
        }
        if (!broken.contains("occurredAt") && event.path("occurredAt").isTextual()) {
            checkTime(event.get("occurredAt").asText(), errors);
        }
        boolean itemsBroken = broken.stream().anyMatch(f -> f.startsWith("items"));
        if (!broken.contains("amount") && !broken.contains("kind") && !itemsBroken && event.path("amount").isTextual()) {
            checkAmount(event, errors);
        }
        return List.copyOf(errors);
    }

    /**
     * A control character (U+0000 above all, which PostgreSQL cannot store) in any text or key rejects this event,
     * not the whole batch: the gateway reads batches as trees that libs/rest leaves unchecked for it.
     */
    /** The quick look, building no field paths: nearly every event has no control character at all. */
    private static boolean hasControlCharacters(JsonNode node) {
        if (node.isTextual()) {
            return com.example.mkt.rest.problem.ControlCharacters.present(node.textValue());
        }
        for (var it = node.fields(); it.hasNext();) {
            var field = it.next();
            if (com.example.mkt.rest.problem.ControlCharacters.present(field.getKey())
                    || hasControlCharacters(field.getValue())) {
                return true;
            }
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                if (hasControlCharacters(element)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static void controlCharacters(JsonNode node, String path, Map<String, FieldError> byField) {
        if (node.isTextual()) {
            if (com.example.mkt.rest.problem.ControlCharacters.present(node.textValue())) {
                byField.put(path, new FieldError(path, com.example.mkt.rest.problem.ControlCharacters.REASON));
            }
            return;
        }
        int i = 0;
        for (var it = node.fields(); it.hasNext();) {
            var field = it.next();
            String child = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
            if (com.example.mkt.rest.problem.ControlCharacters.present(field.getKey())) {
                byField.put(path.isEmpty() ? "event" : path, new FieldError(path.isEmpty() ? "event" : path,
                        "a key " + com.example.mkt.rest.problem.ControlCharacters.REASON));
            }
            controlCharacters(field.getValue(), child, byField);
        }
        if (node.isArray()) {
            for (JsonNode element : node) {
                controlCharacters(element, path + "[" + i++ + "]", byField);
            }
        }
    }

    private static FieldError toFieldError(ValidationMessage m) {
        String location = m.getInstanceLocation() == null ? "$" : m.getInstanceLocation().toString();
        String field = location.equals("$") ? "" : location.startsWith("$.") ? location.substring(2) : location.substring(1);
        String type = m.getType();
        if (field.equals("customer") && m.getEvaluationPath().toString().contains("anyOf")) {
            return new FieldError(field, "needs an id or an externalRef");
        }
        if ("required".equals(type) && m.getProperty() != null) {
            return new FieldError(field.isEmpty() ? m.getProperty() : field + "." + m.getProperty(), "is required");
        }
        String message = m.getError();
        boolean byKind = m.getEvaluationPath().toString().contains("allOf");
        if (field.equals("amount") && byKind && "not".equals(type)) {
            return new FieldError(field, "must not be zero for a REFUND");
        }
        if (field.equals("amount") && byKind && "pattern".equals(type)) {
            return new FieldError(field, "must not be negative for a SALE or CONTRACT; report a REFUND instead");
        }
        if ("pattern".equals(type) || "format".equals(type)) {
            message = patternMessage(field);
        }
        return new FieldError(field.isEmpty() ? "event" : field, message);
    }

    /** Regular expressions mean nothing to an integrator; say what the value should look like. */
    private static String patternMessage(String field) {
        if (field.equals("amount") || field.endsWith("unitPrice")) {
            return "must be a decimal string with at most 2 decimals, e.g. \"120.00\"";
        }
        if (field.equals("currency")) {
            return "must be an ISO 4217 code, e.g. CNY";
        }
        if (field.equals("occurredAt")) {
            return "must be an ISO-8601 time with an offset, e.g. 2026-05-03T10:15:00+08:00";
        }
        return "has the wrong format";
    }

    /**
     * One currency on the platform (docs/events.md#salesrecorded-external-contract): with no rate to convert by, a sale
     * in another one could only be summed wrongly, so it is refused here and dead-lettered by every consumer.
     */
    private static void checkCurrency(String code, String currency, Set<FieldError> errors) {
        if (!currency.equals(code)) {
            errors.add(new FieldError("currency", "must be " + currency + ", the platform's currency; " + code
                    + " is not accepted"));
        }
    }

    private void checkTime(String text, Set<FieldError> errors) {
        OffsetDateTime time;
        try {
            time = IsoTimes.parseOffsetDateTime(text);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError("occurredAt", patternMessage("occurredAt")));
            return;
        }
        OffsetDateTime latest = OffsetDateTime.now(clock).plus(maxFutureSkew);
        if (time.isAfter(latest)) {
            errors.add(new FieldError("occurredAt", "lies more than " + maxFutureSkew.toMinutes()
                    + " minutes in the future"));
        }
    }

    private static void checkAmount(JsonNode event, Set<FieldError> errors) {
        BigDecimal amount = new BigDecimal(event.get("amount").asText());
        String kind = event.path("kind").asText();
        if (amount.signum() < 0 && !"REFUND".equals(kind)) {
            errors.add(new FieldError("amount", "must not be negative for a " + kind + "; report a REFUND instead"));
            return;
        }
        JsonNode items = event.get("items");
        if (items == null || !items.isArray() || items.isEmpty()) {
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        for (JsonNode item : items) {
            sum = sum.add(item.get("quantity").decimalValue().multiply(new BigDecimal(item.get("unitPrice").asText())));
        }
        sum = sum.setScale(2, RoundingMode.HALF_UP);
        // A refund's sign is informational (it is subtracted either way); its size must still match.
        BigDecimal compared = "REFUND".equals(kind) ? amount.abs() : amount;
        if (compared.compareTo(sum) != 0) {
            errors.add(new FieldError("amount", "must equal the sum of quantity × unitPrice of the items ("
                    + sum.toPlainString() + ")"));
        }
    }

    /** The event's id for the answer, when it has a usable one. */
    public static String eventId(JsonNode event) {
        JsonNode id = event == null ? null : event.get("eventId");
        return id != null && id.isTextual() ? id.asText() : null;
    }

    /** The record key and envelope subject: the known customer's id, or else the source system's reference. */
    public static String subject(JsonNode event) {
        JsonNode customer = event.path("customer");
        JsonNode id = customer.get("id");
        return id != null && id.isTextual() ? id.asText() : customer.path("externalRef").asText();
    }
}
