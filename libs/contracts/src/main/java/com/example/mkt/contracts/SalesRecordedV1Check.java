package com.example.mkt.contracts;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The common answer for {@code schemas/sales.recorded.v1.json}, worked out by hand: this record conforms. Every sale
 * is checked against that schema four times (at the gateway, then by each of the three consuming services), and the
 * general validator spent about 6 µs on each, most of it walking keywords and building paths for a record that was
 * valid anyway: a sizeable share of every sales consumer's CPU. This check reads each field once.
 *
 * <p>It only ever says yes or "not sure": {@code true} when the record certainly satisfies every keyword of the
 * schema, {@code false} for anything else (a violation, or merely something unusual, such as an offset beyond ±14:00,
 * a text longer in UTF-16 units than its code-point limit, a year before 1900), which then goes to the schema
 * validator for the verdict and its messages. So the schema stays the one definition of the contract; this class
 * can only make a valid record cheaper. {@code SalesRecordedV1CheckTest} feeds both the same few thousand records,
 * valid and broken field by field, and fails when this ever says yes to a record the schema refuses; it also pins
 * the schema file's hash, so that a change to the schema cannot go live without this check being reviewed.
 */
final class SalesRecordedV1Check {

    private SalesRecordedV1Check() {
    }

    /** True only when {@code data} satisfies sales.recorded v1; false when the schema has to decide. */
    static boolean conforms(JsonNode data) {
        if (data == null || !data.isObject()) {
            return false;
        }
        JsonNode kind = data.get("kind");
        if (kind == null || !kind.isTextual()) {
            return false;
        }
        boolean refund = kind.textValue().equals("REFUND");
        boolean contract = kind.textValue().equals("CONTRACT");
        if (!refund && !contract && !kind.textValue().equals("SALE")) {
            return false;
        }
        JsonNode amount = data.get("amount");
        if (amount == null || !amount.isTextual() || !money(amount.textValue(), refund)
                || refund && allZero(amount.textValue())) {
            return false;
        }
        JsonNode currency = data.get("currency");
        JsonNode fulfilled = data.get("fulfilled");
        return text(data.get("eventId"), 1, 64)
                && dateTime(data.get("occurredAt"))
                && customer(data.get("customer"))
                && text(data.get("orgUnit"), 1, 64)
                && currency != null && currency.isTextual() && threeCapitals(currency.textValue())
                && optionalText(data, "salesperson", 0, 64)
                && optionalText(data, "channel", 0, 32)
                && optionalText(data, "campaignCode", 0, 64)
                && optionalText(data, "refundOf", 1, 64)
                && optionalText(data, "contractId", 1, 64)
                && (fulfilled == null || fulfilled.isBoolean())
                && (!refund || data.has("refundOf"))
                && (!contract || data.has("contractId") && fulfilled != null)
                && (!data.has("items") || items(data.get("items")));
    }

    private static boolean customer(JsonNode customer) {
        if (customer == null || !customer.isObject()) {
            return false;
        }
        boolean id = customer.has("id");
        boolean ref = customer.has("externalRef");
        return (id || ref)
                && optionalText(customer, "id", 1, 64)
                && optionalText(customer, "externalRef", 1, 128)
                && optionalText(customer, "name", 0, 200)
                && optionalText(customer, "phone", 0, 40);
    }

    private static boolean items(JsonNode items) {
        if (!items.isArray() || items.size() > 500) {
            return false;
        }
        for (JsonNode item : items) {
            if (!item.isObject() || !text(item.get("productCode"), 1, 64) || !optionalText(item, "category", 0, 64)) {
                return false;
            }
            JsonNode quantity = item.get("quantity");
            JsonNode unitPrice = item.get("unitPrice");
            if (quantity == null || !positive(quantity) || unitPrice == null || !unitPrice.isTextual()
                    || !money(unitPrice.textValue(), false)) {
                return false;
            }
        }
        return true;
    }

    /** A number above 0; a float only when it is finite and plainly positive. */
    private static boolean positive(JsonNode quantity) {
        if (quantity.isIntegralNumber()) {
            return quantity.bigIntegerValue().signum() > 0;
        }
        if (quantity.isFloatingPointNumber()) {
            double value = quantity.doubleValue();
            return Double.isFinite(value) && value > 0 && quantity.decimalValue().signum() > 0;
        }
        return false;
    }

    private static boolean optionalText(JsonNode parent, String field, int min, int max) {
        JsonNode node = parent.get(field);
        return node == null || text(node, min, max);
    }

    /**
     * A string of {@code min..max} code points. The UTF-16 length bounds the code points from above, so a text within
     * {@code max} units is within {@code max} code points; a longer one may not be, and is left to the schema. The
     * schema's minimums are 0 and 1, where units and code points agree.
     */
    private static boolean text(JsonNode node, int min, int max) {
        if (node == null || !node.isTextual()) {
            return false;
        }
        int length = node.textValue().length();
        return length >= min && length <= max;
    }

    /** {@code ^-?[0-9]{1,13}(\.[0-9]{1,2})?$} (ECMA: nothing after the end), the minus only where it is allowed. */
    private static boolean money(String s, boolean signed) {
        int i = 0;
        if (signed && s.startsWith("-")) {
            i = 1;
        }
        int digits = 0;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (digits < 1 || digits > 13) {
            return false;
        }
        if (i == s.length()) {
            return true;
        }
        if (s.charAt(i) != '.') {
            return false;
        }
        int decimals = s.length() - i - 1;
        if (decimals < 1 || decimals > 2) {
            return false;
        }
        for (int j = i + 1; j < s.length(); j++) {
            if (!isDigit(s.charAt(j))) {
                return false;
            }
        }
        return true;
    }

    /** What a refund's amount may not be: {@code ^-?0+(\.0+)?$}, for a text that is already money. */
    private static boolean allZero(String money) {
        for (int i = 0; i < money.length(); i++) {
            char c = money.charAt(i);
            if (isDigit(c) && c != '0') {
                return false;
            }
        }
        return true;
    }

    private static boolean threeCapitals(String s) {
        return s.length() == 3 && isCapital(s.charAt(0)) && isCapital(s.charAt(1)) && isCapital(s.charAt(2));
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}](Z|±HH:mm)} with a real calendar day, year 1900-2999, seconds up to 59 and
     * an offset within ±14:00 (not -00:00): a subset of RFC 3339 {@code date-time} that also matches the schema's pattern
     * requiring an offset. Leap seconds, lower-case separators and the like are the schema's to judge.
     */
    private static boolean dateTime(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return false;
        }
        String s = node.textValue();
        if (s.length() < 20 || !digitsAt(s, 0, 4) || s.charAt(4) != '-' || !digitsAt(s, 5, 2) || s.charAt(7) != '-'
                || !digitsAt(s, 8, 2) || s.charAt(10) != 'T' || !digitsAt(s, 11, 2) || s.charAt(13) != ':'
                || !digitsAt(s, 14, 2) || s.charAt(16) != ':' || !digitsAt(s, 17, 2)) {
            return false;
        }
        int year = number(s, 0, 4);
        int month = number(s, 5, 2);
        int day = number(s, 8, 2);
        if (year < 1900 || year > 2999 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month)
                || number(s, 11, 2) > 23 || number(s, 14, 2) > 59 || number(s, 17, 2) > 59) {
            return false;
        }
        int i = 19;
        if (s.charAt(i) == '.') {
            int start = ++i;
            while (i < s.length() && isDigit(s.charAt(i))) {
                i++;
            }
            if (i == start || i - start > 9) {
                return false;
            }
        }
        if (i == s.length() - 1) {
            return s.charAt(i) == 'Z';
        }
        if (i != s.length() - 6 || s.charAt(i) != '+' && s.charAt(i) != '-' || !digitsAt(s, i + 1, 2)
                || s.charAt(i + 3) != ':' || !digitsAt(s, i + 4, 2)) {
            return false;
        }
        int offsetMinutes = number(s, i + 1, 2) * 60 + number(s, i + 4, 2);
        // -00:00 (RFC 3339's "offset unknown") is refused by the validator's date-time parser
        return number(s, i + 4, 2) <= 59 && offsetMinutes <= 14 * 60 && (offsetMinutes > 0 || s.charAt(i) == '+');
    }

    private static int daysIn(int year, int month) {
        return switch (month) {
            case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean digitsAt(String s, int from, int count) {
        for (int i = from; i < from + count; i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int number(String s, int from, int count) {
        int n = 0;
        for (int i = from; i < from + count; i++) {
            n = n * 10 + (s.charAt(i) - '0');
        }
        return n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }
}
