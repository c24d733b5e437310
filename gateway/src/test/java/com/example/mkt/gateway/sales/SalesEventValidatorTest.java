package com.example.mkt.gateway.sales;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.example.mkt.rest.problem.FieldError;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The schema and the rules beyond it, each with a reason an integrator can act on. */
class SalesEventValidatorTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-05-03T02:20:00Z"), ZoneOffset.UTC);
    private final SalesEventValidator validator = new SalesEventValidator(NOW, Duration.ofMinutes(5), "CNY");

    private List<FieldError> validate(String json) throws Exception {
        return validator.validate(JSON.readTree(json));
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    @Test
    void theContractExamplePasses() throws Exception {
        assertEquals(List.of(), validate(SalesRecordedSchemaTest.SALE));
    }

    @Test
    void theAmountMustBeTheSumOfTheItems() throws Exception {
        List<FieldError> errors = validate(SalesRecordedSchemaTest.SALE.replace("\"amount\": \"120.00\"", "\"amount\": \"100.00\""));
        assertEquals(List.of("amount"), fields(errors));
        assertTrue(errors.get(0).message().contains("120.00"), errors.toString());
        String twoItems = SalesRecordedSchemaTest.SALE.replace("\"quantity\": 1, \"unitPrice\": \"120.00\"}",
                "\"quantity\": 3, \"unitPrice\": \"33.33\"}, {\"productCode\": \"X\", \"quantity\": 0.5, \"unitPrice\": \"0.03\"}")
                .replace("\"amount\": \"120.00\"", "\"amount\": \"100.01\"");
        assertEquals(List.of(), validate(twoItems), "99.99 + 0.015 rounds half up to 100.01");
    }

    @Test
    void refundsMatchTheItemsWhateverTheirSignButSalesAreNotNegative() throws Exception {
        String refund = SalesRecordedSchemaTest.SALE.replace("\"SALE\"", "\"REFUND\"")
                .replace("\"amount\": \"120.00\"", "\"amount\": \"-120.00\", \"refundOf\": \"POS-1\"");
        assertEquals(List.of(), validate(refund));
        String negativeSale = SalesRecordedSchemaTest.SALE.replace("\"amount\": \"120.00\"", "\"amount\": \"-120.00\"");
        assertEquals(List.of("amount"), fields(validate(negativeSale)));
        assertEquals("must not be negative for a SALE or CONTRACT; report a REFUND instead",
                validate(negativeSale).get(0).message());
        String zeroRefund = refund.replace("\"-120.00\"", "\"0.00\"").replace("\"unitPrice\": \"120.00\"",
                "\"unitPrice\": \"0.00\"");
        assertEquals("must not be zero for a REFUND", validate(zeroRefund).get(0).message());
    }

    @Test
    void aControlCharacterAnywhereRejectsTheEventNamingTheField() throws Exception {
        String nul = SalesRecordedSchemaTest.SALE.replaceFirst("\"eventId\": \"([^\"]*)\"", "\"eventId\": \"$1\\\\u0000\"");
        assertEquals(List.of("eventId"), fields(validate(nul)));
        String tab = SalesRecordedSchemaTest.SALE.replaceFirst("\"productCode\": \"([^\"]*)\"",
                "\"productCode\": \"$1\\\\u0007\"");
        assertTrue(fields(validate(tab)).contains("items[0].productCode"), validate(tab).toString());
    }

    @Test
    void moneyEndingInALineBreakIsRejectedNotAnInternalError() throws Exception {
        // java.util.regex's '$' matches before a final line break; this once reached new BigDecimal and answered 500
        String amount = SalesRecordedSchemaTest.SALE.replace("\"amount\": \"120.00\"", "\"amount\": \"120.00\\n\"");
        assertTrue(fields(validate(amount)).contains("amount"), validate(amount).toString());
        String price = SalesRecordedSchemaTest.SALE.replace("\"unitPrice\": \"120.00\"", "\"unitPrice\": \"120.00\\n\"");
        assertTrue(fields(validate(price)).contains("items[0].unitPrice"), validate(price).toString());
    }

    @Test
    void onlyThePlatformsCurrencyIsAccepted() throws Exception {
        assertEquals(List.of("currency"), fields(validate(SalesRecordedSchemaTest.SALE.replace("\"CNY\"", "\"ABC\""))));
        assertEquals(List.of("currency"), fields(validate(SalesRecordedSchemaTest.SALE.replace("\"CNY\"", "\"cny\""))));
        assertEquals(List.of("currency"), fields(validate(SalesRecordedSchemaTest.SALE.replace("\"CNY\"", "\"XXX\""))));
        // a real currency, but not the platform's: every consumer would dead-letter it, so it is refused here
        assertEquals(List.of("must be CNY, the platform's currency; USD is not accepted"),
                validate(SalesRecordedSchemaTest.SALE.replace("\"CNY\"", "\"USD\"")).stream()
                        .map(FieldError::message).toList());
    }

    @Test
    void timesMayBeAtMostFiveMinutesAhead() throws Exception {
        // NOW is 10:20 at +08:00
        assertEquals(List.of(), validate(SalesRecordedSchemaTest.SALE.replace("2026-05-03T10:15:00", "2026-05-03T10:25:00")));
        assertEquals(List.of("occurredAt"),
                fields(validate(SalesRecordedSchemaTest.SALE.replace("2026-05-03T10:15:00", "2026-05-03T10:25:01"))));
        assertEquals(List.of("occurredAt"),
                fields(validate(SalesRecordedSchemaTest.SALE.replace("2026-05-03T10:15:00+08:00", "2026-05-03T10:15:00"))));
        assertEquals(List.of("occurredAt"),
                fields(validate(SalesRecordedSchemaTest.SALE.replace("2026-05-03T10:15:00", "2026-13-03T10:15:00"))));
    }

    @Test
    void kindsNeedTheirFields() throws Exception {
        assertEquals(List.of("refundOf"), fields(validate(SalesRecordedSchemaTest.SALE.replace("\"SALE\"", "\"REFUND\""))));
        String contract = """
                {"eventId": "CT-1", "kind": "CONTRACT", "occurredAt": "2026-05-03T10:15:00+08:00",
                 "customer": {"id": "c-123"}, "orgUnit": "B-NANCHANG", "amount": "50000.00", "currency": "CNY"}""";
        assertEquals(List.of("contractId", "fulfilled"), fields(validate(contract)).stream().sorted().toList());
        assertEquals(List.of("kind"), fields(validate(SalesRecordedSchemaTest.SALE.replace("\"SALE\"", "\"GIFT\""))));
    }

    @Test
    void requiredFieldsAndShapesAreNamed() throws Exception {
        assertEquals(List.of("eventId", "orgUnit"), fields(validate(SalesRecordedSchemaTest.SALE
                .replace("\"eventId\": \"POS-2026-000123\", ", "").replace("\"orgUnit\": \"B-NANCHANG\", ", "")))
                .stream().sorted().toList());
        assertEquals(List.of("customer"), fields(validate(SalesRecordedSchemaTest.SALE.replace("{\"id\": \"c-123\"}", "{}"))));
        assertEquals(List.of("eventId"), fields(validate(SalesRecordedSchemaTest.SALE.replace("POS-2026-000123", "x".repeat(65)))));
        assertEquals(List.of("eventId"), fields(validate(SalesRecordedSchemaTest.SALE.replace("\"POS-2026-000123\"", "\"\""))));
        assertEquals(List.of("items[0].quantity"), fields(validate(SalesRecordedSchemaTest.SALE.replace("\"quantity\": 1", "\"quantity\": -1"))));
        assertEquals(List.of("amount"), fields(validate(SalesRecordedSchemaTest.SALE.replace("\"amount\": \"120.00\"", "\"amount\": \"120.001\""))));
        assertEquals(List.of("event"), fields(validator.validate(JSON.readTree("[1]"))));
    }

    @Test
    void theSubjectIsTheCustomerIdOrElseTheExternalReference() throws Exception {
        assertEquals("c-123", SalesEventValidator.subject(JSON.readTree(SalesRecordedSchemaTest.SALE)));
        assertEquals("POS-9", SalesEventValidator.subject(JSON.readTree(
                SalesRecordedSchemaTest.SALE.replace("{\"id\": \"c-123\"}", "{\"externalRef\": \"POS-9\"}"))));
    }
}
