package com.packetjourney.cli;

import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.contracts.world.Scenario;
import com.packetjourney.kafka.TopicAdmin;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** ./packet-journey: the one command a user needs. */
public final class PacketJourney {
    static final String DEFAULT_URL = "https://packet-journey.com/";
    private static final String USAGE = """
            usage: ./packet-journey <command> [options]

              demo                     start Kafka and every service, send https://packet-journey.com/,
                                       print the reconstructed journey, stop everything
              up [--scenario FILE] [--observability]
                                       start Kafka and every service in the background and load the scenario
                                       (default scenarios/eks-nginx.yaml); --observability also starts
                                       Prometheus (/usr/bin/prometheus) scraping every service
              down                     stop everything 'up' started
              send [URL] [--at INSTANT | --after DURATION] [--client NAME] [--id ID] [--json]
                                       send a request from the laptop and print its journey; it starts one
                                       simulated second after the laptop's last journey (the epoch for the
                                       first), --after that long after it (10m, 90s, 2h, 1d or ISO PT10M), or
                                       --at an instant
              show ID [--json]         print a journey reconstructed from the Kafka log
              pcap ID [-o FILE]        write the journey's packets as a pcapng file for Wireshark or tshark
                                       (default journey-ID.pcapng)
              journeys [--status S] [--limit N]
                                       list recent journeys (S: COMPLETED, FAILED, IN_PROGRESS, STALLED)
              load --bootstrap HOST:PORT [--scenario FILE]
                                       create the topics on a running broker and publish a scenario there
                                       (what docker-compose's world-loader runs)
              world bgp|dhcp|dns|k8s ...
                                       change the running world through the service that owns it, e.g.
                                       world bgp withdraw 16509 54.216.0.0/15 (./packet-journey world lists all)
              replay [--from INSTANT] [--journey ID] [--json] [--bootstrap HOST:PORT]
                                       rebuild journeys from the hop topics with a bounded consumer (no group,
                                       no commits), up to where the log stood at start; --from is wall time
              redrive ID [--at INSTANT] [--json]
                                       re-issue a recorded journey's request against the world as it is now
                                       and compare both hop by hop (at: simulated, default the original's)
              bench [--quick]          measure this machine: journeys/s, latency end to end and per hop, each
                                       as a ratio of a plain Kafka pass-through chain, replay speed, footprint;
                                       writes bench/results/<date>.md and BENCHMARKS.md (--quick: a smoke run)

            environment: PJ_PORT_BASE (default 18080: services on 18081-18089), PJ_KAFKA_PORT (default 19092),
                         PJ_PROMETHEUS_PORT (default 9090)
            """;

    private final Path home;
    private final int portBase;
    private final int kafkaPort;

    PacketJourney(Path home, int portBase, int kafkaPort) {
        this.home = home;
        this.portBase = portBase;
        this.kafkaPort = kafkaPort;
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("pj.home", ".")).toAbsolutePath().normalize();
        PacketJourney cli = new PacketJourney(home, intEnv("PJ_PORT_BASE", 18080), intEnv("PJ_KAFKA_PORT", 19092));
        int code;
        try {
            code = cli.run(args);
        } catch (IllegalArgumentException | IllegalStateException e) {
            System.err.println("packet-journey: " + e.getMessage());
            code = 1;
        } catch (StackClient.HttpProblem p) {
            System.err.println("packet-journey: the service answered " + p.status + ": " + p.body);
            code = 1;
        }
        System.exit(code);
    }

    int run(String[] args) {
        if (args.length == 0 || args[0].equals("help") || args[0].equals("--help") || args[0].equals("-h")) {
            System.out.print(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        Args a = Args.parse(args);
        return switch (a.command) {
            case "demo" -> demo(a);
            case "up" -> up(a);
            case "down" -> down();
            case "send" -> send(a);
            case "show" -> show(a);
            case "pcap" -> new PcapCommand(runningStack().urlOf("journey-log"), System.out).run(a.positionals(),
                    a.opt("output"));
            case "journeys" -> journeys(a);
            case "load" -> load(a);
            case "world" -> world(a);
            case "replay" -> Replay.command(recordedStack().orElse(null), a.opt("bootstrap"), a.opt("from"),
                    a.opt("journey"), a.flag("json"));
            case "redrive" -> Redrive.command(recordedStack().orElse(null), a.positional(0, null), a.opt("at"),
                    a.flag("json"));
            default -> {
                System.err.print("unknown command '" + a.command + "'\n\n" + USAGE);
                yield 2;
            }
        };
    }

    private int demo(Args a) {
        Path stateDir = home.resolve(".pj/demo");
        refuseIfRunning(home.resolve(".pj/stack.json"));
        refuseIfRunning(stateDir.resolve("stack.json"));
        Stack stack = new Stack(home, stateDir, System.out::println);
        Thread cleanup = new Thread(() -> {
            stack.stop();
            deleteQuietly(stack.stateFile());
        }, "demo-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        long t0 = System.nanoTime();
        try {
            Path scenarioFile = scenarioFile(a);
            Scenario scenario = ScenarioLoader.read(scenarioFile);
            StackState state = stack.up(scenario, home.relativize(scenarioFile).toString(), portBase, kafkaPort, null,
                    Duration.ofSeconds(120));
            StackClient client = new StackClient(state);
            awaitTargets(client, scenario);
            String id = client.send(a.positional(0, DEFAULT_URL), a.opt("client"), a.opt("at"), a.opt("id"));
            System.out.println("journey    " + id + " sent from the laptop\n");
            Optional<JourneyView> journey = client.awaitEnd(id, Duration.ofSeconds(60));
            if (journey.isEmpty()) {
                System.out.println("journey " + id + " never reached journey-log");
                return 1;
            }
            System.out.println(JourneyTable.render(stalledIfUnfinished(journey.get())));
            System.out.printf("demo took %.1f s of wall time; stopping everything%n", (System.nanoTime() - t0) / 1e9);
            return journey.get().status() == JourneyStatus.COMPLETED ? 0 : 1;
        } finally {
            stack.stop();
            deleteQuietly(stack.stateFile());
            Runtime.getRuntime().removeShutdownHook(cleanup);
        }
    }

    private int up(Args a) {
        Path stateFile = home.resolve(".pj/stack.json");
        refuseIfRunning(stateFile);
        refuseIfRunning(home.resolve(".pj/demo/stack.json"));
        Stack stack = new Stack(home, home.resolve(".pj"), System.out::println);
        boolean[] done = {false};
        Thread cleanup = new Thread(() -> {
            if (!done[0]) {
                stack.stop();
                deleteQuietly(stack.stateFile());
            }
        }, "up-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
        Path scenarioFile = scenarioFile(a);
        Scenario scenario = ScenarioLoader.read(scenarioFile);
        StackState state = stack.up(scenario, home.relativize(scenarioFile).toString(), portBase, kafkaPort, null,
                Duration.ofSeconds(120));
        awaitTargets(new StackClient(state), scenario);
        if (a.flag("observability")) {
            Prometheus.startForStack(home, home.resolve(".pj"), portBase, intEnv("PJ_PROMETHEUS_PORT", 9090), System.out::println);
        }
        done[0] = true;
        System.out.println("\nthe stack is up:");
        state.services().forEach(s -> System.out.printf("  %-15s http://localhost:%d%n", s.name(), s.port()));
        System.out.println("  kafka           " + state.bootstrapServers());
        System.out.println("\nnext: ./packet-journey send   then   ./packet-journey down");
        return 0;
    }

    private int down() {
        boolean any = Stack.stopRecorded(home.resolve(".pj/stack.json"));
        any |= Stack.stopRecorded(home.resolve(".pj/demo/stack.json"));
        any |= Prometheus.stopRecorded(home.resolve(".pj/prometheus.json"));
        System.out.println(any ? "stopped" : "nothing is running");
        return 0;
    }

    private int send(Args a) {
        StackClient client = new StackClient(runningStack());
        String id = client.send(a.positional(0, DEFAULT_URL), a.opt("client"), a.opt("at"), a.opt("after"),
                a.opt("id"));
        Optional<JourneyView> journey = client.awaitEnd(id, Duration.ofSeconds(30));
        if (a.flag("json")) {
            System.out.println(client.journeyJson(id).orElse("{}"));
        } else {
            System.out.println(journey.map(j -> JourneyTable.render(stalledIfUnfinished(j)))
                    .orElse("journey " + id + " has not reached journey-log yet"));
        }
        return journey.map(j -> j.status() == JourneyStatus.COMPLETED ? 0 : 1).orElse(1);
    }

    private int world(Args a) {
        if (a.positionals().isEmpty()) {
            System.out.print("usage:\n" + WorldCommand.USAGE);
            return 2;
        }
        return new WorldCommand(new StackClient(runningStack()), System.out, System.err).run(a);
    }

    private int show(Args a) {
        String id = a.positional(0, null);
        if (id == null) {
            throw new IllegalArgumentException("show needs a journey id: ./packet-journey show ID [--json]");
        }
        StackClient client = new StackClient(runningStack());
        Optional<String> json = client.journeyJson(id);
        if (json.isEmpty()) {
            System.err.println("no journey " + id + " in the log");
            return 1;
        }
        System.out.println(a.flag("json") ? json.get() : JourneyTable.render(Json.read(json.get(), JourneyView.class)));
        return 0;
    }

    private int journeys(Args a) {
        StackClient client = new StackClient(runningStack());
        String json = client.journeysJson(a.opt("status"), Integer.parseInt(a.opt("limit", "20")));
        if (a.flag("json")) {
            System.out.println(json);
            return 0;
        }
        JourneyView[] list = Json.read(json, JourneyView[].class);
        for (JourneyView j : list) {
            System.out.println(JourneyTable.listLine(j));
        }
        if (list.length == 0) {
            System.out.println("no journeys yet: ./packet-journey send");
        }
        return 0;
    }

    private int load(Args a) {
        String bootstrap = a.opt("bootstrap");
        if (bootstrap == null) {
            throw new IllegalArgumentException("load needs --bootstrap HOST:PORT");
        }
        Path scenarioFile = scenarioFile(a);
        TopicAdmin.createAll(bootstrap);
        int records = ScenarioLoader.publish(ScenarioLoader.read(scenarioFile), bootstrap);
        System.out.println("published " + records + " world records of " + scenarioFile + " to " + bootstrap);
        return 0;
    }

    private static JourneyView stalledIfUnfinished(JourneyView j) {
        if (j.status() != JourneyStatus.IN_PROGRESS) {
            return j;
        }
        return new JourneyView(j.journeyId(), JourneyStatus.STALLED, j.url(), j.client(), j.simStartedAt(),
                j.simTotalMicros(), j.lastHop(), j.failedHop(), j.failureCode(), j.failureMessage(), j.httpStatus(), j.hops());
    }

    /** The world settles asynchronously (pods scheduled, IPs assigned, targets registered): wait for it. */
    private static void awaitTargets(StackClient client, Scenario scenario) {
        int expected = ScenarioLoader.expectedReplicas(scenario);
        List<LoadBalancer> lbs = scenario.loadBalancers() == null ? List.of() : scenario.loadBalancers();
        if (expected == 0 || lbs.isEmpty()) {
            return;
        }
        long t0 = System.nanoTime();
        long deadline = t0 + Duration.ofSeconds(60).toNanos();
        int healthy = 0;
        while (System.nanoTime() < deadline) {
            healthy = lbs.stream().mapToInt(lb -> client.healthyTargets(lb.name())).sum();
            if (healthy >= expected) {
                System.out.printf("world      %d pods scheduled, given IPs by the VPC CNI and registered as ALB targets in %.1f s%n",
                        healthy, (System.nanoTime() - t0) / 1e9);
                return;
            }
            sleep(200);
        }
        System.out.println("world      only " + healthy + " of " + expected + " targets registered after 60 s; going on");
    }

    private Path scenarioFile(Args a) {
        Path file = home.resolve(a.opt("scenario", "scenarios/eks-nginx.yaml"));
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("no scenario file " + file);
        }
        return file;
    }

    /** The stack 'up' started, if it is still running. */
    private Optional<StackState> recordedStack() {
        return StackState.read(home.resolve(".pj/stack.json")).filter(StackState::anyAlive);
    }

    private StackState runningStack() {
        return StackState.read(home.resolve(".pj/stack.json")).filter(StackState::anyAlive)
                .orElseThrow(() -> new IllegalStateException("no stack is up: run ./packet-journey up first"));
    }

    private static void refuseIfRunning(Path stateFile) {
        StackState.read(stateFile).filter(StackState::anyAlive).ifPresent(s -> {
            throw new IllegalStateException("a stack is already running (" + stateFile + "): ./packet-journey down");
        });
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (Exception ignored) {
            // nothing to clean
        }
    }

    private static int intEnv(String name, int fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : Integer.parseInt(v.trim());
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Command, positional arguments, --key value options and --flags. */
    record Args(String command, List<String> positionals, Map<String, String> options) {
        static final List<String> FLAGS = List.of("json", "observability");

        static Args parse(String[] args) {
            List<String> pos = new ArrayList<>();
            Map<String, String> opts = new HashMap<>();
            for (int i = 1; i < args.length; i++) {
                String arg = args[i];
                if (arg.startsWith("--")) {
                    String key = arg.substring(2);
                    if (FLAGS.contains(key)) {
                        opts.put(key, "true");
                    } else if (i + 1 < args.length) {
                        opts.put(key, args[++i]);
                    } else {
                        throw new IllegalArgumentException("option --" + key + " needs a value");
                    }
                } else {
                    pos.add(arg);
                }
            }
            return new Args(args[0], pos, opts);
        }

        String positional(int i, String fallback) {
            return i < positionals.size() ? positionals.get(i) : fallback;
        }

        String opt(String key) {
            return options.get(key);
        }

        String opt(String key, String fallback) {
            return options.getOrDefault(key, fallback);
        }

        boolean flag(String key) {
            return options.containsKey(key);
        }
    }
}
