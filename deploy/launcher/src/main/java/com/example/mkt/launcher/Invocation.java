package com.example.mkt.launcher;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What the user asked for on the command line. */
record Invocation(Command command, boolean build, boolean follow, Optional<String> target, Optional<TokenRequest> token,
        Optional<BenchOptions> bench, boolean fresh, boolean confirmed, Optional<DemoOptions> demo,
        Optional<DeadLetterRequest> dlq, Optional<OutboxRequest> outbox) {

    Invocation(Command command, boolean build, boolean follow, Optional<String> target, Optional<TokenRequest> token,
            Optional<BenchOptions> bench, boolean fresh, boolean confirmed, Optional<DemoOptions> demo,
            Optional<DeadLetterRequest> dlq) {
        this(command, build, follow, target, token, bench, fresh, confirmed, demo, dlq, Optional.empty());
    }

    /** {@code token --role <role> --org <code> [--sub <id>]}. */
    record TokenRequest(String role, String org, String subject) {
    }

    Invocation(Command command, boolean build, boolean follow, Optional<String> target) {
        this(command, build, follow, target, Optional.empty(), Optional.empty(), false, false, Optional.empty(),
                Optional.empty());
    }

    Invocation(Command command, boolean build, boolean follow, Optional<String> target, Optional<TokenRequest> token) {
        this(command, build, follow, target, token, Optional.empty(), false, false, Optional.empty(), Optional.empty());
    }

    Invocation(Command command, boolean build, boolean follow, Optional<String> target, Optional<TokenRequest> token,
            Optional<BenchOptions> bench, boolean fresh, boolean confirmed, Optional<DemoOptions> demo) {
        this(command, build, follow, target, token, bench, fresh, confirmed, demo, Optional.empty());
    }

    enum Command { UP, DOWN, DESTROY, STATUS, LOGS, TOKEN, API_KEY, BENCH, DEMO, DLQ, OUTBOX, HELP }

    static final String USAGE = """
            usage: ./platform <command>

              up [--build] [--fresh]
                                    start PostgreSQL, Kafka and the five services, then print their URLs;
                                    builds the services first when a quarkus-run.jar is missing.
                                    --build rebuilds them (and restarts those already running);
                                    --fresh first deletes all local state, as 'destroy --yes' does
              down                  stop what 'up' started: services, then Kafka, then PostgreSQL
              destroy [--yes]       stop the platform and delete its state: data, passwords, keys and
                                    logs (asks first; --yes does not). An existing server given with
                                    PLATFORM_DB_URL or PLATFORM_KAFKA is left as it is
              status                state, pid, port and resident memory of every component
              logs <name> [-f]      last 200 lines of a log; -f follows it
                                    <name>: gateway, customer-service, campaign-service, kpi-service,
                                    planning-service (or customer, campaign, kpi, planning), kafka, postgres;
                                    kpi-service-2 (kpi-2) and so on for a service's further replicas
              token --role <role> --org <code> [--sub <id>]
                                    print a bearer token for the local platform, valid 12 hours;
                                    roles: gm, marketing_director, manager, supervisor, staff,
                                    analyst, ops; e.g. curl -H "Authorization: Bearer $(./platform
                                    token --role manager --org B-NANCHANG)" ...
              api-key               print the API key of the local sales-event client ("local", role
                                    integration), e.g. curl -H "X-Api-Key: $(./platform api-key)"
                                    -d @sale.json http://localhost:8080/api/v1/sales-events
              bench [--events N] [--clients C] [--batch B] [--rate R] [--probes P] [--anchor-records A]
                    [--warmup W] [--reads Q]
                                    measure the sales pipeline of the running platform beside Kafka's own
                                    produce rate: after W sales of warm-up (50000), N sales (200000) from C
                                    clients (4) in batches of B (500),
                                    then sale->KPI latency with P probes (200) at R events/s (1000), reads
                                    through the gateway against direct (3 rounds of Q per side, 1000); prints a table and a last line
                                    "bench: ... exact=true|false"; exit 1 unless every total is exact
              demo [--rate R] [--minutes M | --seconds S] [--customers N]
                                    on a running platform, make a company through the API (head office,
                                    江西 region, 11 branches, 61 staff, N customers (2000), the month's
                                    insurance campaign approved, KPI targets, a monthly plan), then
                                    stream sales at R/s (50) for M minutes (3) and show the figures move;
                                    a second run adds only sales. Exit 1 unless the figures match
              dlq list [<topic>]    the dead letters of a topic (or of every topic) with their reasons
              dlq show <topic> <offset>
                                    one dead letter whole: headers (reason, consumer, exception) and record
              dlq replay <topic> --offset N | --id ID | --since TIME | --all
                                    publish chosen dead letters again to the topic they came from, once
                                    their cause is fixed; consumers apply each event once whatever they
                                    applied before. <topic>: e.g. sales.events (or sales.events.dlq)
              outbox list <service> the service's parked outbox rows: events Kafka refused (too large,
                                    topic missing or not allowed) 5 times, set aside so the rest flows, and
                                    the later rows of their key held behind them; with reason and attempts
              outbox release <service> --id N | --all
                                    give parked rows back to the relay once the cause is fixed (a row goes
                                    with the rows of its key held behind it); published in their order
              help                  this text

            Environment:
              PLATFORM_PG_PORT (5432), PLATFORM_KAFKA_PORT (9092), PLATFORM_KAFKA_CONTROLLER_PORT (9093),
              PLATFORM_GATEWAY_PORT (8080), PLATFORM_CUSTOMER_PORT (8081), PLATFORM_CAMPAIGN_PORT (8082),
              PLATFORM_KPI_PORT (8083), PLATFORM_PLANNING_PORT (8084)     ports to use
              PLATFORM_<SERVICE>_MANAGEMENT_PORT (its port + 1000)          health and metrics port
              PLATFORM_<SERVICE>_REPLICAS (1)   processes of customer, campaign, kpi or planning, 1 to 9;
                                    replica k on its ports + 10*(k-1); the gateway balances over them
                                    (a running gateway learns of new replicas when it is restarted)
              PLATFORM_DB_URL, PLATFORM_DB_USER, PLATFORM_DB_PASSWORD     use an existing PostgreSQL server
                                    (JDBC URL of its admin database) instead of the embedded one
              PLATFORM_KAFKA        bootstrap servers of an existing Kafka instead of the embedded broker

            State (data, logs, pid files, generated passwords and keys) lives in .platform/ at the repository
            root, or in PLATFORM_HOME when that is set. Run as root from a directory others cannot enter
            (a clone under /root), PostgreSQL's data and log go to /var/lib/mkt-platform/<hash of that path>
            instead, since PostgreSQL runs as the unprivileged user nobody.
            """;

    static Invocation parse(String... args) {
        if (args.length > 0 && args[0].equals("token")) {
            return parseToken(args);
        }
        if (args.length > 0 && args[0].equals("bench")) {
            return new Invocation(Command.BENCH, false, false, Optional.empty(), Optional.empty(),
                    Optional.of(BenchOptions.parse(List.of(args).subList(1, args.length))), false, false,
                    Optional.empty());
        }
        if (args.length > 0 && args[0].equals("dlq")) {
            return new Invocation(Command.DLQ, false, false, Optional.empty(), Optional.empty(), Optional.empty(),
                    false, false, Optional.empty(),
                    Optional.of(DeadLetterRequest.parse(List.of(args).subList(1, args.length))));
        }
        if (args.length > 0 && args[0].equals("outbox")) {
            return new Invocation(Command.OUTBOX, false, false, Optional.empty(), Optional.empty(), Optional.empty(),
                    false, false, Optional.empty(), Optional.empty(),
                    Optional.of(OutboxRequest.parse(List.of(args).subList(1, args.length))));
        }
        if (args.length > 0 && args[0].equals("demo")) {
            return new Invocation(Command.DEMO, false, false, Optional.empty(), Optional.empty(), Optional.empty(),
                    false, false, Optional.of(DemoOptions.parse(List.of(args).subList(1, args.length))));
        }
        List<String> positional = new ArrayList<>();
        boolean build = false;
        boolean follow = false;
        boolean help = false;
        boolean fresh = false;
        boolean confirmed = false;
        for (String arg : args) {
            switch (arg) {
                case "--build" -> build = true;
                case "--fresh" -> fresh = true;
                case "-y", "--yes" -> confirmed = true;
                case "-f", "--follow" -> follow = true;
                case "-h", "--help" -> help = true;
                default -> {
                    if (arg.startsWith("-")) {
                        throw new UsageException("unknown option: " + arg);
                    }
                    positional.add(arg);
                }
            }
        }
        if (help) {
            return new Invocation(Command.HELP, false, false, Optional.empty());
        }
        if (positional.isEmpty()) {
            throw new UsageException("no command given");
        }
        String name = positional.get(0);
        List<String> rest = positional.subList(1, positional.size());
        Command command = switch (name) {
            case "up" -> Command.UP;
            case "down" -> Command.DOWN;
            case "destroy" -> Command.DESTROY;
            case "status" -> Command.STATUS;
            case "api-key" -> Command.API_KEY;
            case "logs", "log" -> Command.LOGS;
            case "help" -> Command.HELP;
            default -> throw new UsageException("unknown command: " + name);
        };
        if (build && command != Command.UP) {
            throw new UsageException("--build only applies to 'up'");
        }
        if (fresh && command != Command.UP) {
            throw new UsageException("--fresh only applies to 'up'");
        }
        if (confirmed && command != Command.DESTROY) {
            throw new UsageException("--yes only applies to 'destroy'");
        }
        if (follow && command != Command.LOGS) {
            throw new UsageException("-f only applies to 'logs'");
        }
        if (command == Command.LOGS) {
            if (rest.size() != 1) {
                throw new UsageException("'logs' takes exactly one component name");
            }
            return new Invocation(command, false, follow, Optional.of(rest.get(0)));
        }
        if (!rest.isEmpty()) {
            throw new UsageException("unexpected argument to '" + name + "': " + rest.get(0));
        }
        return new Invocation(command, build, false, Optional.empty(), Optional.empty(), Optional.empty(), fresh,
                confirmed, Optional.empty());
    }

    private static Invocation parseToken(String... args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String option = args[i];
            if (!Set.of("--role", "--org", "--sub").contains(option)) {
                throw new UsageException("unknown option for 'token': " + option);
            }
            if (i + 1 >= args.length) {
                throw new UsageException(option + " needs a value");
            }
            options.put(option, args[++i]);
        }
        if (!options.containsKey("--role") || !options.containsKey("--org")) {
            throw new UsageException("'token' needs --role and --org");
        }
        String role = options.get("--role");
        String org = options.get("--org");
        String subject = options.getOrDefault("--sub", "dev-" + role + "-" + org.toLowerCase());
        return new Invocation(Command.TOKEN, false, false, Optional.empty(),
                Optional.of(new TokenRequest(role, org, subject)));
    }
}
