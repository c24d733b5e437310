package com.example.mkt.customer.segment;

import java.util.Optional;

import com.example.mkt.contracts.MessagedSchema;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.ExecutionContext;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;

/**
 * The segment rule's shape, stated as the JSON Schema {@value SegmentRule#SCHEMA} (draft 2020-12), and the first
 * fault it finds in a rule. The schema checks a condition's parts one after another (field, value present, operator,
 * value) and follows one branch of each node, so the first fault it reports is the first in document order. The
 * reason answered is the schema's own: each schema object's {@code "message"} maps its keywords to the sentence the
 * API answers ({@code "required"} maps each property).
 */
final class SegmentRuleSchema {


    /** A fault: the node named from the rule's root ({@code rule.all[1].op}) and why. */
    record Fault(String path, String reason) {
    }

    private final JsonNode source;
    private final JsonSchema schema;

    private SegmentRuleSchema(JsonNode source, JsonSchema schema) {
        this.source = source;
        this.schema = schema;
    }

    /** Thread-safe: load once. */
    static SegmentRuleSchema load(String resource) {
        MessagedSchema loaded = MessagedSchema.load(SegmentRuleSchema.class, resource);
        return new SegmentRuleSchema(loaded.source(), loaded.schema());
    }

    /**
     * The first fault of {@code rule}, its nodes named from {@code root}; empty when it has the schema's shape. The
     * validator stops at it: a body of a hundred thousand faulty nodes costs no more than one.
     */
    Optional<Fault> firstFault(JsonNode rule, String root) {
        return schema.validate(rule, (ExecutionContext run) -> run.getExecutionConfig().setFailFast(true)).stream()
                .findFirst().map(m -> fault(m, root));
    }

    private Fault fault(ValidationMessage m, String root) {
        String at = render(m.getInstanceLocation(), root);
        String keyword = m.getType();
        String location = m.getSchemaLocation().toString();
        // the schema object holding the keyword that failed, e.g. #/$defs/flag of #/$defs/flag/required
        String pointer = location.substring(location.indexOf('#') + 1);
        JsonNode reasons = source.at(pointer.substring(0, Math.max(0, pointer.lastIndexOf('/'))))
                .path(MessagedSchema.MESSAGE);
        if (keyword.equals("required")) {
            return new Fault(at + "." + m.getProperty(),
                    reasons.path(keyword).path(m.getProperty()).asText(m.getError()));
        }
        return new Fault(at, reasons.path(keyword).asText(m.getError()));
    }

    private static String render(JsonNodePath location, String root) {
        if (location == null || location.getNameCount() == 0) {
            return root;
        }
        Object step = location.getElement(location.getNameCount() - 1);
        return render(location.getParent(), root) + (step instanceof Integer i ? "[" + i + "]" : "." + step);
    }
}
