package com.example.mkt.launcher;

import java.io.PrintStream;
import java.util.Map;
import java.util.Optional;

/** The ./platform command: parses the command line and runs one command. Exit 0 ok, 1 failed, 2 usage. */
public final class Platform {

    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    private Platform() {
    }

    public static void main(String[] args) {
        // kafka-clients logs through SLF4J, which would warn that no provider is bound; the launcher reports
        // failures itself, so SLF4J is told to discard everything, quietly.
        System.setProperty("slf4j.internal.verbosity", "WARN");
        System.setProperty("slf4j.provider", "org.slf4j.helpers.NOP_FallbackServiceProvider");
        System.exit(run(args, System.getenv(), Layout.fromSystem(System.getenv()), System.out, System.err));
    }

    private static Optional<String> askOnTerminal(String question) {
        java.io.Console terminal = System.console();
        return terminal == null ? Optional.empty() : Optional.ofNullable(terminal.readLine("%s", question));
    }

    static int run(String[] args, Map<String, String> env, Layout layout, PrintStream out, PrintStream err) {
        Invocation invocation;
        try {
            invocation = Invocation.parse(args);
        } catch (UsageException e) {
            err.println("platform: " + e.getMessage());
            err.println();
            err.print(Invocation.USAGE);
            return USAGE;
        }
        Console console = new Console(out);
        try {
            switch (invocation.command()) {
                case HELP -> out.print(Invocation.USAGE);
                case UP -> {
                    if (invocation.fresh()) {
                        new Destroy(layout, console, true, question -> Optional.empty()).run();
                    }
                    new Up(layout, Settings.from(env), console, invocation.build()).run();
                }
                case DOWN -> new Down(layout, console).run();
                case DESTROY -> new Destroy(layout, console, invocation.confirmed(), Platform::askOnTerminal).run();
                case STATUS -> new Status(layout, Settings.from(env), console).run();
                case LOGS -> new Logs(layout, out).run(invocation.target().orElseThrow(), invocation.follow());
                case API_KEY -> out.println(DevApiClient.key(Secrets.open(layout.secrets())));
                case BENCH -> {
                    boolean exact = new Bench(layout, Settings.from(env), console, invocation.bench().orElseThrow())
                            .run();
                    if (!exact) {
                        return FAILED;
                    }
                }
                case DEMO -> {
                    if (!new Demo(layout, Settings.from(env), console, invocation.demo().orElseThrow()).run()) {
                        return FAILED;
                    }
                }
                case DLQ -> {
                    Settings settings = Settings.from(env);
                    String bootstrap = settings.externalKafka().orElse("127.0.0.1:"
                            + new EmbeddedKafka(layout, settings.kafkaPort(), settings.kafkaControllerPort()).port());
                    new DeadLetterTool(bootstrap, console).run(invocation.dlq().orElseThrow());
                }
                case OUTBOX -> {
                    OutboxRequest request = invocation.outbox().orElseThrow();
                    String url = "http://127.0.0.1:" + Settings.from(env).servicePort(request.service());
                    String token = new DevTokens(layout.jwtDir()).mint("ops", "HQ", "dev-ops-hq", java.time.Instant.now());
                    new OutboxTool(url, token, console).run(request);
                }
                case TOKEN -> {
                    Invocation.TokenRequest t = invocation.token().orElseThrow();
                    out.println(new DevTokens(layout.jwtDir()).mint(t.role(), t.org(), t.subject(), java.time.Instant.now()));
                }
            }
            return OK;
        } catch (UsageException e) {
            err.println("platform: " + e.getMessage());
            err.println();
            err.print(Invocation.USAGE);
            return USAGE;
        } catch (PlatformException e) {
            out.flush();
            err.println("platform: " + e.getMessage());
            return FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("platform: interrupted");
            return FAILED;
        } catch (Exception e) {
            // Unexpected: the stack trace is what a bug report needs.
            out.flush();
            err.println("platform: unexpected failure: " + e);
            e.printStackTrace(err);
            return FAILED;
        }
    }
}
