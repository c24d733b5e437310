package com.example.mkt.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import com.example.mkt.e2e.Http.Answer;
import com.example.mkt.e2e.Http.Caller;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * The platform end to end, through public APIs only: the launcher starts PostgreSQL, Kafka and the five services
 * as {@code ./platform up} does; tokens come from {@code ./platform token}, the integration key from
 * {@code ./platform api-key}. An org tree, customers, a campaign with branch targets and a plan whose goal follows
 * a KPI are created through the gateway; sales go in through the gateway; every service's view of them is then
 * checked to the cent, and a resent batch (through the gateway, and replayed straight onto Kafka) changes nothing.
 *
 * <p>The platform is the {@link SharedPlatform}: BenchIT's bench and demo and HostileInputIT's fuzzing run on it too,
 * before or after this class. So the org units here are this class's own (B-E2E-*, R-E2E-*: the demo has a B-NANCHANG
 * of its own), as are the customers, the campaign and the people; and the head office, which sums every unit of the
 * platform, is held to what it was before this class's first sale plus exactly this class's sales.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(SharedPlatform.class)
class PlatformE2EIT {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final Duration PATIENCE = Duration.ofSeconds(120);

    private LocalPlatform platform;
    private Http http;
    private Caller gm;
    private Caller director;
    private Caller planner;
    private Caller hqManager;
    private Caller ncManager;
    private Caller ncSupervisor;
    private Caller jjManager;
    private Caller ncStaff;
    private Caller integration;

    // Today in Shanghai decides every period below; the sales are dated a few minutes ago.
    private final OffsetDateTime saleTime = recentButThisMonth(OffsetDateTime.now(SHANGHAI));
    private final LocalDate today = saleTime.toLocalDate();
    private final String month = today.format(DateTimeFormatter.ofPattern("yyyy-MM"));
    private final String year = Integer.toString(today.getYear());

    /** The head office's SALES_AMOUNT before this class's first sale, by period (month, year). */
    private final Map<String, BigDecimal> hqBefore = new LinkedHashMap<>();

    private String customerNc;
    private String customerJj;
    private String campaignId;
    private String planId;

    /** A few minutes ago, but never in the previous month: the plan for this month must still be open. */
    static OffsetDateTime recentButThisMonth(OffsetDateTime now) {
        OffsetDateTime monthStart = now.withDayOfMonth(1).truncatedTo(ChronoUnit.DAYS);
        OffsetDateTime recent = now.minusMinutes(3).truncatedTo(ChronoUnit.SECONDS);
        return recent.isBefore(monthStart) ? monthStart : recent;
    }

    @BeforeAll
    void onTheSharedPlatform(LocalPlatform shared) {
        platform = shared;
        http = new Http(platform.gatewayUrl());
        gm = Caller.bearer(platform.token("gm", "HQ", "s-gm"));
        director = Caller.bearer(platform.token("marketing_director", "HQ", "s-director"));
        planner = Caller.bearer(platform.token("marketing_director", "HQ", "s-planner"));
        hqManager = Caller.bearer(platform.token("manager", "HQ", "s-hq-manager"));
        ncManager = Caller.bearer(platform.token("manager", "B-E2E-NANCHANG", "s-nc-manager"));
        ncSupervisor = Caller.bearer(platform.token("supervisor", "B-E2E-NANCHANG", "s-nc-supervisor"));
        jjManager = Caller.bearer(platform.token("manager", "B-E2E-JIUJIANG", "s-jj-manager"));
        ncStaff = Caller.bearer(platform.token("staff", "B-E2E-NANCHANG", "s-nc-01"));
        integration = Caller.apiKey(platform.apiKey());
        createTheOrgTree();
        for (String period : List.of(month, year)) {
            hqBefore.put(period, hqAtRest(period));
        }
    }

    /** What the platform runs, for the log; the platform stops when the test run ends (SharedPlatform). */
    @AfterAll
    void printTheStatus() {
        if (platform != null) {
            System.out.println(platform.status());
        }
    }

    @Test
    void statusShowsEveryServiceReadyAndWhatTheStateTakesOnDisk() {
        String status = platform.status();
        for (String service : List.of("gateway", "customer-service", "campaign-service", "kpi-service",
                "planning-service")) {
            assertTrue(status.lines().anyMatch(l -> l.startsWith(service + " ") && l.contains("running")
                    && l.strip().endsWith(" ready") && !l.contains("not ready")), service + " in\n" + status);
        }
        String disk = "disk: PostgreSQL [0-9.]+ GB, Kafka [0-9.]+ GB; [0-9.]+ GB free";
        assertTrue(status.lines().anyMatch(l -> l.matches(disk)), status);
    }

    private void createTheOrgTree() {
        // a fresh platform starts with its head office: planning-service creates the configured root on first start
        Answer root = http.get(gm, "/api/v1/org-units/HQ").expect(200);
        assertEquals("总部", root.at("/name").asText(), "the configured root");
        http.post(gm, "/api/v1/org-units", Map.of("code", "HQ", "name", "总部", "kind", "HQ")).expect(409);
        unit("R-E2E-EAST", "华东大区", "REGION", "HQ");
        unit("R-E2E-WEST", "西部大区", "REGION", "HQ");
        unit("B-E2E-NANCHANG", "南昌分公司", "BRANCH", "R-E2E-EAST");
        unit("B-E2E-JIUJIANG", "九江分公司", "BRANCH", "R-E2E-EAST");
        unit("B-E2E-CHENGDU", "成都分公司", "BRANCH", "R-E2E-WEST");
        staff("s-nc-manager", "王强", "B-E2E-NANCHANG", "manager");
        staff("s-nc-supervisor", "赵敏", "B-E2E-NANCHANG", "supervisor");
        staff("s-nc-01", "李娜", "B-E2E-NANCHANG", "staff");
        staff("s-jj-01", "陈晨", "B-E2E-JIUJIANG", "staff");
        Answer read = http.get(gm, "/api/v1/org-units/B-E2E-NANCHANG").expect(200);
        assertEquals("南昌分公司", read.at("/name").asText(), "Chinese names round-trip");
        // Every service keeps its own replica of the tree, fed by planning-service's org-unit events.
        eventually("the KPI service knows the tree", () -> http.get(gm, "/api/v1/kpis/SALES_AMOUNT/subtree",
                "orgUnit", "B-E2E-CHENGDU", "period", month).status() == 200);
    }

    private void unit(String code, String name, String kind, String parent) {
        behindTheGateway(http.createOrgUnit(gm, code, name, kind, parent).expect(201));
    }

    /** A create's Location names the gateway, never the service that answered it. */
    private void behindTheGateway(Answer created) {
        String location = created.header("location").orElseThrow(() -> new AssertionError("no Location"));
        assertTrue(location.startsWith(platform.gatewayUrl() + "/api/v1/"), location);
    }

    private void staff(String id, String name, String org, String role) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("name", name);
        body.put("login", id + "@mkt");
        body.put("orgUnit", org);
        body.put("roles", List.of(role));
        body.put("onDutyFrom", today.withDayOfMonth(1).toString());
        behindTheGateway(http.post(gm, "/api/v1/staff", body).expect(201));
    }

    @Test
    @Order(1)
    void theFrontDoorAuthenticatesAndScopes() throws Exception {
        Answer anonymous = http.get(Caller.NOBODY, "/api/v1/customers");
        assertEquals(401, anonymous.status(), anonymous.text());
        assertEquals("application/problem+json", anonymous.header("content-type").orElse("").split(";")[0]);

        assertEquals(401, http.get(Caller.bearer(Jwts.forged("gm", "HQ")), "/api/v1/customers").status());
        assertEquals(401, http.get(Caller.bearer(Jwts.expired(platform.jwtDir(), "gm", "HQ")), "/api/v1/customers")
                .status());

        Map<String, Object> region = Map.of("code", "R-NORTH", "name", "华北大区", "kind", "REGION", "parent", "HQ");
        Answer wrongRole = http.post(ncStaff, "/api/v1/org-units", region);
        assertEquals(403, wrongRole.status(), wrongRole.text());

        // Machines: the key publishes sales events and nothing else; people cannot publish sales events.
        assertEquals(403, http.get(integration, "/api/v1/customers").status());
        assertEquals(403, http.post(gm, "/api/v1/sales-events", sale("X-1", "SALE", "c-x", "B-E2E-NANCHANG", null,
                null, "LAY", 1, "1.00")).status());
        assertEquals(401, http.post(Caller.apiKey("not-a-key"), "/api/v1/sales-events", sale("X-2", "SALE", "c-x",
                "B-E2E-NANCHANG", null, null, "LAY", 1, "1.00")).status());

        // Bad input: problem+json naming the field, and nothing published.
        Answer bad = http.post(integration, "/api/v1/sales-events", Map.of("events", List.of(Map.of("eventId", "X-3"))))
                .expect(200);
        assertEquals("REJECTED", bad.at("/results/0/status").asText(), bad.text());
    }

    @Test
    @Order(2)
    void salesMoveEveryServiceExactlyOnce() {
        createCustomers();
        createTheCampaign();
        createThePlan();

        JsonNode statsBefore = http.get(ncSupervisor, "/api/v1/customers/" + customerNc + "/purchase-stats")
                .expect(200).json();
        assertEquals(0, statsBefore.path("orderCount").asInt());
        String tierBefore = statsBefore.path("tier").asText();
        int scoreBefore = statsBefore.path("valueScore").path("score").asInt();

        // Another branch's manager does not see Nanchang's customer.
        int foreign = http.get(jjManager, "/api/v1/customers/" + customerNc).status();
        assertTrue(foreign == 404 || foreign == 403, "another branch's customer answered " + foreign);

        List<Map<String, Object>> batch = salesBatch();
        Answer receipt = http.post(integration, "/api/v1/sales-events", Map.of("events", batch)).expect(200);
        for (JsonNode result : receipt.at("/results")) {
            assertEquals("ACCEPTED", result.path("status").asText(), receipt.text());
        }

        // KPI: the branches and every ancestor, to the cent, for the month and the year.
        awaitKpi(Map.of("B-E2E-NANCHANG", "20000.00", "B-E2E-JIUJIANG", "3800.00", "R-E2E-EAST", "23800.00"),
                "23800.00");

        // Customer: purchase statistics, VIP (one purchase >= 10,000), a tier and a higher score.
        JsonNode stats = eventually("customer statistics", () -> {
            JsonNode s = http.get(ncSupervisor, "/api/v1/customers/" + customerNc + "/purchase-stats").expect(200)
                    .json();
            return money(s.path("spend12Months")).compareTo(new BigDecimal("20000.00")) == 0 ? s : null;
        });
        assertEquals(true, stats.path("vip").asBoolean(), stats.toString());
        assertNotEquals(tierBefore, stats.path("tier").asText(), "the tier changed: " + stats);
        assertTrue(stats.path("valueScore").path("score").asInt() > scoreBefore, "the score rose: " + stats);
        assertEquals("NEW", stats.path("lifecycleStage").asText(), stats.toString());

        // Campaign: progress per branch against its targets, and the ranking.
        JsonNode progress = awaitCampaignTotal("23000.00");
        JsonNode nc = branch(progress, "B-E2E-NANCHANG");
        assertMoney("20000.00", nc.path("achieved"));
        assertMoney("133.33", nc.path("startingRate"));
        assertTrue(!nc.path("startingReachedAt").isNull(), "Nanchang reached its starting target: " + nc);
        assertTrue(nc.path("budgetReachedAt").isNull(), "but not its budget target: " + nc);
        assertMoney("3000.00", branch(progress, "B-E2E-JIUJIANG").path("achieved"));
        JsonNode board = http.get(gm, "/api/v1/campaigns/" + campaignId + "/leaderboard").expect(200).json();
        assertEquals("B-E2E-NANCHANG", board.at("/items/0/branch").asText(), board.toString());
        assertEquals(1, board.at("/items/0/rank").asInt(), board.toString());
        assertEquals("B-E2E-JIUJIANG", board.at("/items/1/branch").asText(), board.toString());
        assertEquals(2, board.at("/items/1/rank").asInt(), board.toString());
        // A branch sees its own progress only.
        JsonNode jjView = http.get(jjManager, "/api/v1/campaigns/" + campaignId + "/progress").expect(200).json();
        List<String> visible = new ArrayList<>();
        jjView.path("branches").forEach(b -> visible.add(b.path("branch").asText()));
        assertEquals(List.of("B-E2E-JIUJIANG"), visible, jjView.toString());

        // Plan: the goal linked to the branch's monthly sales follows the KPI.
        awaitGoalActual("20000.00");

        // The same batch again through the gateway: every event a duplicate.
        Answer again = http.post(integration, "/api/v1/sales-events", Map.of("events", batch)).expect(200);
        for (JsonNode result : again.at("/results")) {
            assertEquals("DUPLICATE", result.path("status").asText(), again.text());
        }
        // And replayed straight onto Kafka in new envelopes, as a system on the Kafka network might; then one
        // marker sale per customer (same keys, so behind the replays) proves the replays were read and ignored.
        replayOntoKafka(batch);
        Answer markers = http.post(integration, "/api/v1/sales-events", Map.of("events", List.of(
                sale("M-NC", "SALE", customerNc, "B-E2E-NANCHANG", "s-nc-01", "BYWY-E2E", "LAY", 1, "1.00"),
                sale("M-JJ", "SALE", customerJj, "B-E2E-JIUJIANG", "s-jj-01", "BYWY-E2E", "LAY", 1, "1.00"))))
                .expect(200);
        assertEquals("ACCEPTED", markers.at("/results/1/status").asText(), markers.text());

        awaitKpi(Map.of("B-E2E-NANCHANG", "20001.00", "B-E2E-JIUJIANG", "3801.00", "R-E2E-EAST", "23802.00"),
                "23802.00");
        JsonNode after = awaitCampaignTotal("23002.00");
        assertMoney("20001.00", branch(after, "B-E2E-NANCHANG").path("achieved"));
        assertMoney("3001.00", branch(after, "B-E2E-JIUJIANG").path("achieved"));
        eventually("customer statistics after the replay", () -> {
            JsonNode s = http.get(ncSupervisor, "/api/v1/customers/" + customerNc + "/purchase-stats").expect(200)
                    .json();
            return money(s.path("spend12Months")).compareTo(new BigDecimal("20001.00")) == 0 ? s : null;
        });
        awaitGoalActual("20001.00");
    }

    /**
     * Every path any service documents in its own OpenAPI reaches that service through the gateway (never the
     * gateway's own 404: a route list that drifted from what the services serve once hid every credit-change
     * request); health and metrics answer on the management ports only, and the gateway's metrics name routes,
     * never the ids in a path.
     */
    @Test
    @Order(3)
    void everyServedPathIsRoutedAndOperationsStayOffThePublicPorts() {
        int paths = 0;
        for (String service : List.of("customer", "campaign", "kpi", "planning")) {
            Http direct = new Http(platform.serviceUrl(service));
            JsonNode document = direct.get(Caller.NOBODY, "/q/openapi", "format", "json").expect(200).json();
            for (var names = document.path("paths").fieldNames(); names.hasNext();) {
                String template = names.next();
                if (!template.startsWith("/api/v1/")) {
                    continue;
                }
                String concrete = template.replaceAll("\\{[^}]+}", "e2e-probe");
                Answer answer = http.get(gm, concrete);
                assertFalse(answer.text().contains("no resource is served at"),
                        template + " of " + service + " was not routed: " + answer.status() + " " + answer.text());
                paths++;
            }
            Http management = new Http(platform.managementUrl(service));
            management.get(Caller.NOBODY, "/q/health/ready").expect(200);
            assertTrue(metrics(management).contains("http_server_requests"), service + " has no request metrics");
            assertEquals(404, direct.get(Caller.NOBODY, "/q/metrics").status(), service + " serves metrics publicly");
            assertEquals(404, direct.get(Caller.NOBODY, "/q/health").status(), service + " serves health publicly");
        }
        assertTrue(paths > 50, "only " + paths + " documented paths");
        assertEquals(404, http.get(Caller.NOBODY, "/q/metrics").status(), "the gateway serves metrics publicly");
        http.get(ncManager, "/api/v1/customers/" + customerNc).expect(200);
        String metrics = metrics(new Http(platform.managementUrl("gateway")));
        assertTrue(metrics.contains("uri=\"/api/v1/customers/**\""), "no route template in the gateway's metrics");
        assertFalse(metrics.contains(customerNc), "an id in the gateway's metrics");
    }

    /**
     * The merged API document is one a client generator takes: every $ref resolves, a schema name two services use
     * for different shapes is qualified (campaign-service's and planning-service's ProgressView), operationIds are
     * unique, and every operation is tagged with an area the document lists.
     */
    @Test
    @Order(4)
    void theMergedApiDocumentHasNoCollisionsAndHumanTags() throws Exception {
        JsonNode document = http.get(Caller.NOBODY, "/openapi", "format", "json").expect(200).json();
        JsonNode schemas = document.at("/components/schemas");
        assertTrue(schemas.has("CampaignProgressView") && schemas.has("PlanningProgressView")
                && !schemas.has("ProgressView"), "ProgressView qualified per service");
        java.util.Set<String> tags = new java.util.HashSet<>();
        document.path("tags").forEach(t -> tags.add(t.path("name").asText()));
        assertTrue(tags.contains("Customers") && tags.contains("Campaigns") && tags.contains("Sales events"), tags.toString());
        java.util.Set<String> ids = new java.util.HashSet<>();
        int operations = 0;
        for (JsonNode item : document.path("paths")) {
            for (var methods = item.fields(); methods.hasNext();) {
                JsonNode op = methods.next().getValue();
                if (op.has("responses")) {
                    operations++;
                    assertTrue(ids.add(op.path("operationId").asText()), "duplicate operationId " + op.path("operationId"));
                    assertTrue(tags.contains(op.path("tags").path(0).asText()), "unlisted tag " + op.path("tags"));
                }
            }
        }
        assertTrue(operations > 100, operations + " operations");
        java.util.List<String> dangling = new java.util.ArrayList<>();
        refs(document, dangling);
        dangling.removeIf(ref -> !document.at(ref.substring(1)).isMissingNode());
        assertTrue(dangling.isEmpty(), "unresolved $refs: " + dangling);
        everyErrorIsAProblemAndEverySchemeExists(document);
        // as a client generator reads it: swagger-parser, with no message at all
        var options = new io.swagger.v3.parser.core.models.ParseOptions();
        options.setResolve(true);
        var parsed = new io.swagger.v3.parser.OpenAPIV3Parser().readContents(document.toString(), null, options);
        assertTrue(parsed.getOpenAPI() != null && parsed.getMessages().isEmpty(),
                "swagger-parser: " + parsed.getMessages());
        clientsGenerate(document);
    }

    /**
     * Front-end teams generate their clients from this document: a TypeScript (fetch) and a Java client come out of
     * it, and no model is a numbered twin (Completion1 beside Completion: two classes of one name in one service,
     * which a client would have to tell apart by a digit).
     */
    private static void clientsGenerate(JsonNode document) throws Exception {
        java.util.Set<String> names = new java.util.HashSet<>();
        document.at("/components/schemas").fieldNames().forEachRemaining(names::add);
        List<String> twins = names.stream().filter(n -> n.matches(".*\\D\\d+")
                && names.contains(n.replaceFirst("\\d+$", ""))).sorted().toList();
        assertTrue(twins.isEmpty(), "numbered twins of schema names: " + twins);
        Path spec = Path.of("target", "merged-openapi.json");
        java.nio.file.Files.writeString(spec, document.toString());
        for (String generator : List.of("typescript-fetch", "java")) {
            Path out = Path.of("target", "generated-clients", generator);
            var config = new org.openapitools.codegen.config.CodegenConfigurator().setGeneratorName(generator)
                    .setInputSpec(spec.toString()).setOutputDir(out.toString());
            List<java.io.File> files = new org.openapitools.codegen.DefaultGenerator()
                    .opts(config.toClientOptInput()).generate();
            assertTrue(files.size() > 100, generator + " generated " + files.size() + " files");
        }
    }

    private static void everyErrorIsAProblemAndEverySchemeExists(JsonNode document) {
        java.util.Set<String> schemes = new java.util.HashSet<>();
        document.at("/components/securitySchemes").fieldNames().forEachRemaining(schemes::add);
        java.util.List<String> wrong = new java.util.ArrayList<>();
        document.path("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String where = op.getKey() + " " + path.getKey();
            op.getValue().path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(name -> {
                if (!schemes.contains(name)) {
                    wrong.add(where + ": security scheme " + name + " is not defined");
                }
            }));
            op.getValue().path("responses").fields().forEachRemaining(answer -> {
                if (answer.getKey().matches("[45]\\d\\d") && !answer.getValue().at("/content")
                        .has("application/problem+json")) {
                    wrong.add(where + ": " + answer.getKey() + " is not documented as application/problem+json");
                }
            });
            for (String code : java.util.List.of("429", "500", "503")) {
                if (!op.getValue().path("responses").has(code)) {
                    wrong.add(where + ": " + code + " not documented");
                }
            }
        }));
        assertTrue(wrong.isEmpty(), wrong.size() + " problems, e.g. " + wrong.subList(0, Math.min(10, wrong.size())));
    }

    private static void refs(JsonNode node, java.util.List<String> out) {
        if (node.isObject() && node.has("$ref")) {
            out.add(node.path("$ref").asText());
        }
        node.forEach(child -> refs(child, out));
    }

    /** Prometheus text (the default Accept of these calls, JSON, is one the registry cannot produce: 406). */
    private static String metrics(Http management) {
        return management.send(Caller.NOBODY, "GET", "/q/metrics", null, Map.of("Accept", "text/plain")).expect(200)
                .text();
    }

    /**
     * Ops see what went to a dead-letter topic and why ({@code ./platform dlq list|show}), and publish a dead letter
     * again once its cause is fixed ({@code ./platform dlq replay}): replayed twice, it still counts once.
     */
    @Test
    @Order(5)
    void deadLettersAreListedShownAndReplayedOnce() throws Exception {
        send("sales.events", "dlq-probe", "this is no event", Map.of());
        // each sales consumer dead-letters it on its own; the list shows the record once, with all three
        eventually("each sales consumer dead-lettered the probe", () -> platform.dlq(List.of("list", "sales.events"))
                .lines().filter(l -> l.contains("not a CloudEvents JSON envelope")).filter(l -> l.contains(
                        "customer-service.sales") && l.contains("campaign-sales") && l.contains("kpi-service.sales"))
                .findFirst().orElse(null));
        // a sale a consumer once dead-lettered (its cause since fixed), not applied anywhere yet
        Map<String, Object> sale = sale("DLQ-NC-1", "SALE", customerNc, "B-E2E-NANCHANG", "s-nc-01", "BYWY-E2E", "LAY",
                1, "7.77");
        send("sales.events.dlq", customerNc, envelope(sale), Map.of("dlq-original-topic", "sales.events",
                "dlq-reason", "unknown org unit: B-E2E-NANCHANG", "dlq-consumer", "kpi-service.sales",
                "dlq-failed-at", java.time.Instant.now().toString()));
        String listed = eventually("the dead sale is listed", () -> {
            String out = platform.dlq(List.of("list", "sales.events"));
            return out.contains("DLQ-NC-1") ? out : null;
        });
        String offset = listed.lines().filter(l -> l.contains("DLQ-NC-1")).findFirst().orElseThrow().trim()
                .split("\\s+")[0].split(",")[0];
        String shown = platform.dlq(List.of("show", "sales.events.dlq", offset));
        assertTrue(shown.contains("dlq-reason: unknown org unit: B-E2E-NANCHANG") && shown.contains("\"DLQ-NC-1\""),
                shown);
        assertTrue(platform.dlq(List.of("replay", "sales.events", "--id", "DLQ-NC-1")).contains("1 dead letter replayed"));
        platform.dlq(List.of("replay", "sales.events", "--offset", offset));
        awaitKpi(Map.of("B-E2E-NANCHANG", "20008.77", "B-E2E-JIUJIANG", "3801.00", "R-E2E-EAST", "23809.77"),
                "23809.77");
        awaitCampaignTotal("23009.77");
        eventually("customer statistics after the replay", () -> {
            JsonNode s = http.get(ncSupervisor, "/api/v1/customers/" + customerNc + "/purchase-stats").expect(200)
                    .json();
            return money(s.path("spend12Months")).compareTo(new BigDecimal("20008.77")) == 0 ? s : null;
        });
    }

    /**
     * A unit created in planning-service reaches the other services by events (org-unit.created on planning.events,
     * each service's replica). This measures, for 50 new branches one after the other on an otherwise idle platform,
     * the time from planning's 201 until customer-service accepts a customer in the unit and kpi-service reads its
     * subtree, and prints p50/p99 (the goal is 1 s at p99; timings are printed, not asserted). Until then a write in
     * the unit answers 422 saying that the unit may still be propagating, with Retry-After: 1.
     */
    @Test
    @Order(6)
    void aNewUnitIsUsableEverywhereSoonAndUntilThenA422SaysRetry() throws Exception {
        int units = 50;
        List<Long> customerMs = new ArrayList<>();
        List<Long> kpiMs = new ArrayList<>();
        List<Long> everywhereMs = new ArrayList<>();
        int early422 = 0;
        String run = Long.toString(System.currentTimeMillis() % 100000);
        for (int i = 0; i < units; i++) {
            String code = "B-PROP-" + run + "-" + i;
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", code);
            body.put("name", "传播测试" + i);
            body.put("kind", "BRANCH");
            body.put("parent", "R-E2E-WEST");
            http.post(gm, "/api/v1/org-units", body).expect(201);
            long start = System.nanoTime();
            Long customer = null;
            Long kpi = null;
            Map<String, Object> newCustomer = customer("传播测试客户" + run + "-" + i, code, null,
                    "137" + String.format("%08d", Integer.parseInt(run) * 100 + i));
            while (customer == null || kpi == null) {
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                assertTrue(elapsed < PATIENCE.toMillis(), code + " never became usable");
                if (customer == null) {
                    Answer a = http.post(gm, "/api/v1/customers", newCustomer);
                    if (a.status() == 201) {
                        customer = (System.nanoTime() - start) / 1_000_000;
                    } else {
                        assertEquals(422, a.status(), a.text());
                        assertEquals("1", a.header("retry-after").orElse(null), a.text());
                        assertTrue(a.text().contains("may still be propagating"), a.text());
                        early422++;
                    }
                }
                if (kpi == null && http.get(gm, "/api/v1/kpis/SALES_AMOUNT/subtree", "orgUnit", code, "period", month)
                        .status() == 200) {
                    kpi = (System.nanoTime() - start) / 1_000_000;
                }
                if (customer == null || kpi == null) {
                    Thread.sleep(10);
                }
            }
            customerMs.add(customer);
            kpiMs.add(kpi);
            everywhereMs.add(Math.max(customer, kpi));
        }
        System.out.printf("unit propagation over %d new units (ms from planning's 201): customer-service p50 %d p99 %d"
                + " max %d; kpi-service p50 %d p99 %d max %d; usable everywhere p50 %d p99 %d max %d (goal p99 <= 1000);"
                + " early writes answered 422 with Retry-After: %d%n", units, pct(customerMs, 50), pct(customerMs, 99),
                pct(customerMs, 100), pct(kpiMs, 50), pct(kpiMs, 99), pct(kpiMs, 100), pct(everywhereMs, 50),
                pct(everywhereMs, 99), pct(everywhereMs, 100), early422);
    }

    /**
     * Every status this run was answered with (creates, reads, transitions and refusals, through the gateway as a front
     * end calls them) is one the merged API document lists for that operation, so a generated client types it.
     */
    @Test
    @Order(7)
    void everySuccessTheRunGotIsDocumentedForItsOperation() {
        JsonNode document = http.get(Caller.NOBODY, "/openapi", "format", "json").expect(200).json();
        DocumentedAnswers.Result result = new DocumentedAnswers(document).check(http.exchanges());
        int requests = result.byOperation().values().stream().mapToInt(Integer::intValue).sum();
        System.out.printf("answered vs documented: %d requests over %d operations; undocumented successes %s;"
                + " undocumented errors %s; %d requests to no documented operation (the routing probes' GETs of POST"
                + " paths among them)%n", requests, result.byOperation().size(), result.undocumentedSuccesses(),
                result.undocumentedOthers(), result.unmatched().size());
        assertTrue(result.byOperation().size() >= 30, "too few operations exercised: " + result.byOperation());
        assertEquals(List.of(), result.undocumentedSuccesses());
        assertEquals(List.of(), result.undocumentedOthers());
    }

    /**
     * The live streams through the real pipeline: a sale posted to the gateway reaches the Nanchang manager's KPI
     * stream (kpi-service's new cell) and campaign stream (campaign-service's branch progress) within seconds, and
     * nothing outside the branch's scope (Jiujiang, the region, HQ) comes with it. The console's "the tile moves
     * without reload" stands on this.
     */
    @Test
    @Order(8)
    void aSaleReachesTheBranchManagersLiveStreamsAndOnlyTheirs() throws Exception {
        try (LiveStream kpis = LiveStream.open(platform.gatewayUrl(), "/api/v1/live/kpis", ncManager);
             LiveStream campaigns = LiveStream.open(platform.gatewayUrl(), "/api/v1/live/campaigns", ncManager)) {
            long sent = System.nanoTime();
            http.post(integration, "/api/v1/sales-events", Map.of("events", List.of(
                    sale("LIVE-NC", "SALE", customerNc, "B-E2E-NANCHANG", "s-nc-01", "BYWY-E2E", "LAY", 1, "2.00"),
                    sale("LIVE-JJ", "SALE", customerJj, "B-E2E-JIUJIANG", "s-jj-01", "BYWY-E2E", "LAY", 1, "2.00"))))
                    .expect(200);
            LiveStream.Event cell = awaitLive(kpis, e -> e.data().path("kpi").asText().equals("SALES_AMOUNT")
                    && e.data().path("periodType").asText().equals("DAY"));
            assertEquals("B-E2E-NANCHANG", cell.data().path("orgUnit").asText(), cell.data().toString());
            LiveStream.Event progress = awaitLive(campaigns,
                    e -> e.data().path("branch").asText().equals("B-E2E-NANCHANG"));
            assertEquals("2.00", progress.data().path("added").asText(), progress.data().toString());
            System.out.printf("live: sale -> KPI stream %d ms, -> campaign stream %d ms%n",
                    (cell.receivedNanos() - sent) / 1_000_000, (progress.receivedNanos() - sent) / 1_000_000);
            // the day's cell on the stream is the one the API serves
            JsonNode served = http.get(ncManager, "/api/v1/kpis/SALES_AMOUNT/subtree", "orgUnit", "B-E2E-NANCHANG",
                    "period", cell.data().path("period").asText()).expect(200).json();
            String value = null;
            for (JsonNode item : served.path("items")) {
                value = item.path("orgUnit").asText().equals("B-E2E-NANCHANG") ? item.path("value").asText() : value;
            }
            assertEquals(cell.data().path("value").asText(), value, served.toString());
        }
    }

    /** Events until {@code wanted} within 30 s; every one on the way must be the Nanchang branch's. */
    private static LiveStream.Event awaitLive(LiveStream stream, java.util.function.Predicate<LiveStream.Event> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            LiveStream.Event e = stream.next(Duration.ofMillis(500));
            if (e == null) {
                continue;
            }
            String unit = e.data().has("orgUnit") ? e.data().path("orgUnit").asText() : e.data().path("branch").asText();
            assertEquals("B-E2E-NANCHANG", unit, "outside the manager's scope: " + e.data());
            if (wanted.test(e)) {
                return e;
            }
        }
        throw new AssertionError("not on the live stream within 30 s");
    }

    /** The nearest-rank percentile. */
    private static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(0, rank - 1));
    }

    private void createCustomers() {
        customerNc = eventually("customer-service knows B-E2E-NANCHANG", () -> {
            Answer a = http.post(ncManager, "/api/v1/customers", customer("南昌天虹旅行社有限公司",
                    "B-E2E-NANCHANG", "s-nc-01", "13800000001"));
            return a.status() == 201 ? a.at("/id").asText() : null;
        });
        customerJj = eventually("customer-service knows B-E2E-JIUJIANG", () -> {
            Answer a = http.post(jjManager, "/api/v1/customers", customer("九江庐山国际旅行社",
                    "B-E2E-JIUJIANG", "s-jj-01", "13900000002"));
            return a.status() == 201 ? a.at("/id").asText() : null;
        });
        assertEquals("南昌天虹旅行社有限公司", http.get(ncManager, "/api/v1/customers/" + customerNc).expect(200)
                .at("/name").asText());
    }

    private static Map<String, Object> customer(String name, String org, String salesperson, String phone) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "COMPANY");
        body.put("name", name);
        body.put("status", "ACTIVE");
        body.put("orgUnit", org);
        body.put("salesperson", salesperson);
        body.put("contacts", List.of(Map.of("name", "张经理", "title", "总经理", "phones", List.of(phone))));
        return body;
    }

    private void createTheCampaign() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", "BYWY-E2E");
        body.put("theme", "保游无忧,同行天下");
        body.put("orgUnit", "HQ");
        body.put("period", Map.of("start", today.minusDays(10).toString(), "end", today.plusDays(60).toString()));
        body.put("targetSegments", List.of("SEG-E2E"));
        body.put("products", List.of(Map.of("code", "LAY", "name", "旅游意外险"), Map.of("code", "LAI", "name", "航空意外险")));
        body.put("channels", List.of("APP", "BRANCH"));
        body.put("offerRules", "满100元赠送保额");
        body.put("budgetLines", List.of(Map.of("name", "宣传", "amount", "12500.00")));
        body.put("currency", "CNY");
        Answer created = http.post(planner, "/api/v1/campaigns", body).expect(201);
        behindTheGateway(created);
        campaignId = created.at("/id").asText();
        String path = "/api/v1/campaigns/" + campaignId;
        List<Map<String, Object>> branches = List.of(
                Map.of("branch", "B-E2E-NANCHANG", "starting", "15000.00", "budget", "30000.00"),
                Map.of("branch", "B-E2E-JIUJIANG", "starting", "10000.00", "budget", "15000.00"));
        eventually("campaign-service knows the branches", () -> {
            String etag = http.get(planner, path).expect(200).header("ETag").orElseThrow();
            int status = http.put(planner, path + "/allocations", Map.of("branches", branches), etag).status();
            return status == 200 ? "allocated" : null;
        });
        http.post(planner, path + "/submit", null).expect(200);
        http.post(hqManager, path + "/approve", Map.of("comment", "同意")).expect(200);
        http.post(director, path + "/approve", Map.of()).expect(200);
        http.post(gm, path + "/approve", Map.of()).expect(200);
        http.post(gm, path + "/start-pilot", null).expect(200);
        http.post(gm, path + "/pilot-report", Map.of("outcome", "PROCEED", "summary", "试点效果良好")).expect(200);
        assertEquals("ACTIVE", http.get(gm, path).expect(200).at("/state").asText());
    }

    private void createThePlan() {
        LocalDate start = today.withDayOfMonth(1);
        LocalDate end = today.with(TemporalAdjusters.lastDayOfMonth());
        Map<String, Object> content = new LinkedHashMap<>();
        content.put("title", "南昌分公司" + month + "月度营销计划");
        content.put("period", Map.of("start", start.toString(), "end", end.toString()));
        content.put("goals", List.of(Map.of("id", "g-sales", "title", "月度销售额5万元", "term", "SHORT",
                "target", Map.of("metric", "销售额", "value", "50000.00", "unit", "CNY", "due", end.toString()),
                "kpiLink", Map.of("kpi", "SALES_AMOUNT", "period", month))));
        content.put("measures", List.of(Map.of("description", "旅游险进社区")));
        content.put("budget", Map.of("amount", "20000.00", "currency", "CNY"));
        planId = http.post(ncSupervisor, "/api/v1/plans", Map.of("kind", "MONTHLY", "ownerOrgUnit", "B-E2E-NANCHANG",
                "content", content)).expect(201).at("/id").asText();
        act(ncSupervisor, "SUBMIT");
        act(ncManager, "START_REVIEW");
        act(ncManager, "APPROVE");
    }

    private void act(Caller caller, String action) {
        http.post(caller, "/api/v1/plans/" + planId + "/actions", Map.of("action", action)).expect(200);
    }

    /** Two branches, a refund, a sale outside the campaign's products; all dated a few minutes ago. */
    private List<Map<String, Object>> salesBatch() {
        List<Map<String, Object>> batch = new ArrayList<>();
        batch.add(sale("POS-E2E-1", "SALE", customerNc, "B-E2E-NANCHANG", "s-nc-01", "BYWY-E2E", "LAY", 1, "12000.00"));
        batch.add(sale("POS-E2E-2", "SALE", customerNc, "B-E2E-NANCHANG", "s-nc-01", "BYWY-E2E", "LAI", 2, "4500.00"));
        batch.add(sale("POS-E2E-3", "SALE", customerJj, "B-E2E-JIUJIANG", "s-jj-01", "BYWY-E2E", "LAY", 1, "3000.00"));
        batch.add(sale("POS-E2E-4", "SALE", customerJj, "B-E2E-JIUJIANG", "s-jj-01", null, "OTHER", 1, "800.00"));
        Map<String, Object> refund = sale("POS-E2E-5", "REFUND", customerNc, "B-E2E-NANCHANG", "s-nc-01", "BYWY-E2E",
                "LAI", 1, "1000.00");
        refund.put("amount", "-1000.00");
        refund.put("refundOf", "POS-E2E-2");
        batch.add(refund);
        return batch;
    }

    private Map<String, Object> sale(String eventId, String kind, String customer, String org, String salesperson,
            String campaignCode, String product, int quantity, String unitPrice) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("eventId", eventId);
        s.put("kind", kind);
        // with its seconds always: OffsetDateTime.toString() leaves ":00" out, which is no RFC 3339 date-time (this
        // test failed once a run started on the minute)
        s.put("occurredAt", saleTime.format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX")));
        s.put("customer", Map.of("id", customer));
        s.put("orgUnit", org);
        if (salesperson != null) {
            s.put("salesperson", salesperson);
        }
        s.put("channel", "APP");
        if (campaignCode != null) {
            s.put("campaignCode", campaignCode);
        }
        s.put("items", List.of(Map.of("productCode", product, "category", "travel-insurance", "quantity", quantity,
                "unitPrice", unitPrice)));
        s.put("amount", new BigDecimal(unitPrice).multiply(BigDecimal.valueOf(quantity)).setScale(2).toPlainString());
        s.put("currency", "CNY");
        return s;
    }

    private void replayOntoKafka(List<Map<String, Object>> batch) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (Map<String, Object> sale : batch) {
                producer.send(new ProducerRecord<>("sales.events", customerOf(sale), envelope(sale))).get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("replay onto Kafka failed", e);
        }
    }

    @SuppressWarnings("unchecked")
    private static String customerOf(Map<String, Object> sale) {
        return ((Map<String, String>) sale.get("customer")).get("id");
    }

    /** A sale in a new envelope, as a system on the Kafka network would publish it. */
    private static String envelope(Map<String, Object> sale) throws Exception {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", UUID.randomUUID().toString());
        envelope.put("source", "/e2e-pos-system");
        envelope.put("type", "sales.recorded");
        envelope.put("dataversion", "1");
        envelope.put("time", OffsetDateTime.now(SHANGHAI).toString());
        envelope.put("subject", customerOf(sale));
        envelope.put("datacontenttype", "application/json");
        envelope.put("data", sale);
        return Http.JSON.writeValueAsString(envelope);
    }

    private void send(String topic, String key, String value, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrap());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
            headers.forEach((name, v) -> record.headers().add(name, v.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException("sending to " + topic + " failed", e);
        }
    }

    /**
     * SALES_AMOUNT of this class's units ({@code own}) and of the head office, which is to have grown by exactly
     * {@code hqAdded} since before this class's first sale, for the month and the year.
     */
    private void awaitKpi(Map<String, String> own, String hqAdded) {
        for (String period : List.of(month, year)) {
            Map<String, String> expected = new LinkedHashMap<>(own);
            expected.put("HQ", hqBefore.get(period).add(new BigDecimal(hqAdded)).toPlainString());
            eventually("SALES_AMOUNT " + period + " " + expected, () -> {
                Map<String, String> seen = salesAmounts(period);
                for (Map.Entry<String, String> e : expected.entrySet()) {
                    if (!e.getValue().equals(seen.get(e.getKey()))) {
                        return null;
                    }
                }
                return seen;
            });
        }
        // A sibling's manager sees only their own subtree.
        Answer jj = http.get(jjManager, "/api/v1/kpis/SALES_AMOUNT/subtree", "orgUnit", "B-E2E-NANCHANG", "period",
                month);
        assertTrue(jj.status() == 403 || jj.status() == 404, "B-E2E-JIUJIANG reading B-E2E-NANCHANG: " + jj.text());
    }

    /** Every SALES_AMOUNT cell of the period under the head office, by org unit. */
    private Map<String, String> salesAmounts(String period) {
        JsonNode subtree = http.get(gm, "/api/v1/kpis/SALES_AMOUNT/subtree", "orgUnit", "HQ", "period", period,
                "limit", "500").expect(200).json();
        Map<String, String> seen = new LinkedHashMap<>();
        for (JsonNode cell : subtree.path("items")) {
            seen.put(cell.path("orgUnit").asText(), cell.path("value").asText());
        }
        return seen;
    }

    /**
     * The head office's SALES_AMOUNT once it holds still for 3 s: the classes before this one waited for their own
     * sales to be counted, so it does at once; should one have ended early with sales still on their way, this waits
     * for them rather than count them as this class's.
     */
    private BigDecimal hqAtRest(String period) {
        return eventually("the head office's SALES_AMOUNT " + period + " at rest", () -> {
            String before = salesAmounts(period).getOrDefault("HQ", "0.00");
            sleep(Duration.ofSeconds(3));
            return before.equals(salesAmounts(period).getOrDefault("HQ", "0.00")) ? new BigDecimal(before) : null;
        });
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private JsonNode awaitCampaignTotal(String total) {
        return eventually("campaign total " + total, () -> {
            JsonNode p = http.get(gm, "/api/v1/campaigns/" + campaignId + "/progress").expect(200).json();
            return money(p.path("total")).compareTo(new BigDecimal(total)) == 0 ? p : null;
        });
    }

    private void awaitGoalActual(String actual) {
        eventually("plan goal actual " + actual, () -> {
            JsonNode p = http.get(ncSupervisor, "/api/v1/plans/" + planId + "/progress").expect(200).json();
            JsonNode goal = p.at("/items/0");
            return goal.path("actual").isNull() || goal.path("actual").isMissingNode()
                    || money(goal.path("actual")).compareTo(new BigDecimal(actual)) != 0 ? null : goal;
        });
    }

    private static JsonNode branch(JsonNode progress, String code) {
        for (JsonNode b : progress.path("branches")) {
            if (b.path("branch").asText().equals(code)) {
                return b;
            }
        }
        throw new AssertionError("no branch " + code + " in " + progress);
    }

    private static BigDecimal money(JsonNode value) {
        return value.isMissingNode() || value.isNull() ? BigDecimal.ZERO : new BigDecimal(value.asText());
    }

    private static void assertMoney(String expected, JsonNode actual) {
        assertEquals(expected, actual.asText());
    }

    /** Polls until {@code probe} answers non-null (or true); the platform is eventually consistent by design. */
    private static <T> T eventually(String what, Supplier<T> probe) {
        return Eventually.within(PATIENCE, Duration.ofMillis(500), what, probe);
    }
}
