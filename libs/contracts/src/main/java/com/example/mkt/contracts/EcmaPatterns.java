package com.example.mkt.contracts;

import java.util.regex.Pattern;

import com.networknt.schema.regex.RegularExpression;
import com.networknt.schema.regex.RegularExpressionFactory;

/**
 * JSON Schema {@code pattern}s with the meaning the schemas are written in: ECMA-262, where {@code $} (without the
 * multiline flag) matches only at the end of the text.
 *
 * <p>The validator's default engine is {@code java.util.regex}, where {@code $} also matches just before a final line
 * break. So {@code "12.00\n"} passed {@code ^[0-9]{1,13}(\.[0-9]{1,2})?$} as money, then failed in
 * {@code new BigDecimal(...)}: the sales route answered 500 for a client's mistake, and an award rule's pool would
 * have too. Rewriting each unescaped {@code $} outside a character class as {@code \z} gives ECMA's meaning with the
 * JDK engine, at no cost per match; the alternatives were a second regex engine (Joni or GraalJS) in every service's
 * hot path, or every schema author remembering to write {@code (?![\s\S])}.
 */
public final class EcmaPatterns implements RegularExpressionFactory {

    public static final EcmaPatterns INSTANCE = new EcmaPatterns();

    private EcmaPatterns() {
    }

    @Override
    public RegularExpression getRegularExpression(String regex) {
        Pattern pattern = Pattern.compile(endAnchored(regex));
        return value -> pattern.matcher(value).find(); // patterns are not anchored unless they say so
    }

    /** {@code regex} with every {@code $} anchor (unescaped, outside {@code [...]}) written as {@code \z}. */
    static String endAnchored(String regex) {
        StringBuilder out = new StringBuilder(regex.length() + 4);
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\' && i + 1 < regex.length()) {
                out.append(c).append(regex.charAt(++i));
            } else if (c == '[' && !inClass) {
                inClass = true;
                out.append(c);
            } else if (c == ']' && inClass) {
                inClass = false;
                out.append(c);
            } else if (c == '$' && !inClass) {
                out.append("\\z");
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
