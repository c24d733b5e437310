package com.example.mkt.launcher;

import java.util.List;
import java.util.OptionalLong;

/** {@code outbox list <service>}, {@code outbox release <service> --id N | --all}. */
record OutboxRequest(Action action, ServiceSpec service, OptionalLong id, boolean all) {

    enum Action { LIST, RELEASE }

    static OutboxRequest parse(List<String> args) {
        if (args.isEmpty()) {
            throw new UsageException("'outbox' needs list or release");
        }
        Action action = switch (args.get(0)) {
            case "list" -> Action.LIST;
            case "release" -> Action.RELEASE;
            default -> throw new UsageException("unknown 'outbox' action: " + args.get(0) + " (list, release)");
        };
        if (args.size() < 2 || args.get(1).startsWith("-")) {
            throw new UsageException("'outbox " + args.get(0) + "' needs a service, e.g. customer-service");
        }
        ServiceSpec service = ServiceSpec.byName(args.get(1))
                .orElseThrow(() -> new UsageException("unknown service: " + args.get(1)));
        List<String> options = args.subList(2, args.size());
        if (action == Action.LIST) {
            if (!options.isEmpty()) {
                throw new UsageException("'outbox list' takes only a service");
            }
            return new OutboxRequest(action, service, OptionalLong.empty(), false);
        }
        if (options.equals(List.of("--all"))) {
            return new OutboxRequest(action, service, OptionalLong.empty(), true);
        }
        if (options.size() == 2 && options.get(0).equals("--id")) {
            try {
                return new OutboxRequest(action, service, OptionalLong.of(Long.parseLong(options.get(1))), false);
            } catch (NumberFormatException e) {
                throw new UsageException("not an outbox row id: " + options.get(1));
            }
        }
        throw new UsageException("'outbox release' needs --id N or --all: which parked rows?");
    }
}
