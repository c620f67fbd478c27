package com.packetjourney.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.Callable;

/** ./packet-journey: the one command a user needs. */
@Command(name = "packet-journey", mixinStandardHelpOptions = true, versionProvider = PacketJourney.Version.class,
        sortOptions = false,
        description = {"Simulates, hop by hop, a web request from a laptop to nginx in a pod on AWS EKS: each actor a "
                + "service, each hop a Kafka event, each journey rebuilt from the log."},
        subcommands = {DemoCommand.class, UpCommand.class, DownCommand.class, SendCommand.class, ShowCommand.class,
                JourneysCommand.class, PcapCliCommand.class, ReplayCommand.class, RedriveCommand.class,
                WorldCommand.class, LoadCommand.class, BenchCommand.class, CompletionCommand.class, HelpCommand.class},
        footerHeading = "%n",
        footer = {"Exit codes: 0 success; 1 the journey failed or stalled (send, show, demo, replay --journey), the "
                + "re-driven journey fails where the recorded one did not (redrive), or a service refused; "
                + "2 usage error; 3 the stack or the broker cannot be reached.",
                "",
                "Environment: PJ_PORT_BASE (services on base+1..base+9, default 18080), PJ_KAFKA_PORT (default 19092), "
                        + "PJ_<SERVICE>_PORT (e.g. PJ_JOURNEY_LOG_PORT), PJ_HOST, PJ_STACK (a stack file), "
                        + "PJ_PROMETHEUS_PORT (default 9090), NO_COLOR."})
public final class PacketJourney implements Callable<Integer> {
    static final String DEFAULT_URL = "https://packet-journey.com/";

    @Option(names = "--stack", paramLabel = "FILE", scope = ScopeType.INHERIT,
            description = "the stack to talk to: a stack file such as compose.stack.json (default: PJ_STACK, else "
                    + "the stack `up` started here, else the default ports on localhost)")
    Path stackFile;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "on an error, also print the Java stack trace")
    boolean verbose;

    private final Path home;
    private final Map<String, String> env;

    PacketJourney(Path home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    Path home() {
        return home;
    }

    StackLocator locator() {
        return new StackLocator(home, env);
    }

    int portBase() {
        return locator().intEnv("PJ_PORT_BASE", 18080);
    }

    int kafkaPort() {
        return locator().intEnv("PJ_KAFKA_PORT", 19092);
    }

    int prometheusPort() {
        return locator().intEnv("PJ_PROMETHEUS_PORT", 9090);
    }

    @Spec
    CommandSpec spec;

    /** Without a command: the usage, and exit code 2. */
    @Override
    public Integer call() {
        spec.commandLine().usage(System.err);
        return ExitCode.USAGE;
    }

    public static void main(String[] args) {
        Path home = Path.of(System.getProperty("pj.home", ".")).toAbsolutePath().normalize();
        System.exit(run(home, System.getenv(), args));
    }

    /** Parses and runs one command line; the exit code. */
    static int run(Path home, Map<String, String> env, String... args) {
        Style.detect();
        PacketJourney root = new PacketJourney(home, env);
        return commandLine(root).execute(args);
    }

    static CommandLine commandLine(PacketJourney root) {
        CommandLine cmd = new CommandLine(root);
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setUsageHelpWidth(110);
        cmd.registerConverter(Instant.class, PacketJourney::instant);
        cmd.registerConverter(Integer.class, PacketJourney::wholeNumber);
        cmd.registerConverter(int.class, PacketJourney::wholeNumber);
        cmd.registerConverter(Long.class, PacketJourney::longNumber);
        cmd.registerConverter(long.class, PacketJourney::longNumber);
        cmd.setParameterExceptionHandler(Errors::usage);
        cmd.setExecutionExceptionHandler((e, commandLine, parseResult) -> Errors.failed(e, commandLine, root.verbose));
        return cmd;
    }

    /** An instant in UTC (2026-01-01T10:00:00Z) or with its offset (2026-01-01T11:00:00+01:00). */
    static Instant instant(String text) {
        try {
            return OffsetDateTime.parse(text.trim()).toInstant();
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not an ISO-8601 instant such as "
                    + "2026-01-01T10:00:00Z");
        }
    }

    static Integer wholeNumber(String text) {
        try {
            return Integer.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number");
        }
    }

    static Long longNumber(String text) {
        try {
            return Long.valueOf(text.trim());
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a whole number");
        }
    }

    /** The version the jar's manifest names (a build from the sources has none). */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = PacketJourney.class.getPackage().getImplementationVersion();
            return new String[]{"packet-journey " + (v == null ? "(built from the sources)" : v)};
        }
    }
}
