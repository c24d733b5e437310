package com.example.mkt.customer.web;

import java.util.Arrays;
import java.util.stream.Collectors;

import com.example.mkt.rest.problem.ApiException;

/** Query parameters checked at the edge: a bad value is a 400 naming the parameter, never a 500. */
public final class Params {

    private Params() {
    }

    public static <E extends Enum<E>> String enumValue(String field, String value, Class<E> type) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, value).name();
        } catch (IllegalArgumentException e) {
            throw ApiException.invalid(field, "must be one of " + Arrays.stream(type.getEnumConstants())
                    .map(Enum::name).collect(Collectors.joining(", ")));
        }
    }
}
