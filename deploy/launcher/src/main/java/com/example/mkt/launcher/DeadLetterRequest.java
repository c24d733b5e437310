package com.example.mkt.launcher;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * {@code dlq list [<topic>]}, {@code dlq show <topic> <offset>}, {@code dlq replay <topic> --offset N | --id ID |
 * --since TIME | --all}. A topic may be named with or without its {@code .dlq} suffix.
 */
record DeadLetterRequest(Action action, Optional<String> topic, OptionalLong offset, Optional<String> id,
        Optional<Instant> since, boolean all) {

    enum Action { LIST, SHOW, REPLAY }

    static final String SUFFIX = ".dlq";

    /** The dead-letter topic asked for. */
    Optional<String> deadLetterTopic() {
        return topic.map(t -> t.endsWith(SUFFIX) ? t : t + SUFFIX);
    }

    /** Whether a dead letter is one of those chosen for a replay. */
    boolean chooses(DeadLetterTool.DeadLetter letter) {
        return all || offset.isPresent() && offset.getAsLong() == letter.offset()
                || id.isPresent() && id.get().equals(letter.eventId())
                || since.isPresent() && !letter.failedAt().isBefore(since.get());
    }

    static DeadLetterRequest parse(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("'dlq' needs list, show or replay");
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "list" -> {
                if (rest.size() > 1) {
                    throw new UsageException("'dlq list' takes at most one topic");
                }
                yield new DeadLetterRequest(Action.LIST, rest.stream().findFirst(), OptionalLong.empty(),
                        Optional.empty(), Optional.empty(), false);
            }
            case "show" -> {
                if (rest.size() != 2) {
                    throw new UsageException("'dlq show' takes a topic and an offset");
                }
                yield new DeadLetterRequest(Action.SHOW, Optional.of(rest.get(0)), OptionalLong.of(offset(rest.get(1))),
                        Optional.empty(), Optional.empty(), false);
            }
            case "replay" -> replay(rest);
            default -> throw new UsageException("unknown 'dlq' action: " + args.get(0) + " (list, show, replay)");
        };
    }

    private static DeadLetterRequest replay(List<String> rest) {
        if (rest.isEmpty() || rest.get(0).startsWith("-")) {
            throw new UsageException("'dlq replay' needs a topic");
        }
        OptionalLong offset = OptionalLong.empty();
        Optional<String> id = Optional.empty();
        Optional<Instant> since = Optional.empty();
        boolean all = false;
        for (int i = 1; i < rest.size(); i++) {
            String option = rest.get(i);
            if (option.equals("--all")) {
                all = true;
                continue;
            }
            if (i + 1 >= rest.size()) {
                throw new UsageException(option + " needs a value");
            }
            String value = rest.get(++i);
            switch (option) {
                case "--offset" -> offset = OptionalLong.of(offset(value));
                case "--id" -> id = Optional.of(value);
                case "--since" -> since = Optional.of(instant(value));
                default -> throw new UsageException("unknown option for 'dlq replay': " + option);
            }
        }
        if (!all && offset.isEmpty() && id.isEmpty() && since.isEmpty()) {
            throw new UsageException("'dlq replay' needs --offset, --id, --since or --all: which dead letters?");
        }
        return new DeadLetterRequest(Action.REPLAY, Optional.of(rest.get(0)), offset, id, since, all);
    }

    private static long offset(String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException("not an offset: " + value);
        }
    }

    private static Instant instant(String value) {
        try {
            return java.time.OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw new UsageException("--since needs a time with its offset, e.g. 2026-12-05T09:00:00+08:00: " + value);
        }
    }
}
