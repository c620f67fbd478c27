package com.packetjourney.cli;

import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.UnreadableEventException;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Which stack a command talks to, first found of: the file given with --stack, the file named by PJ_STACK, the
 * stack `./packet-journey up` started here (.pj/stack.json, while it runs), and otherwise the default ports on
 * localhost, which are where `up` and the compose stack both listen: each service on PJ_&lt;SERVICE&gt;_PORT if
 * set (PJ_JOURNEY_LOG_PORT, ...), else PJ_PORT_BASE + its number; the broker on PJ_KAFKA_PORT; the host PJ_HOST.
 */
final class StackLocator {
    /** A stack and where its endpoints came from, for messages. */
    record Located(StackState state, String origin) {
    }

    static final String HINT = "is the stack up? ./packet-journey up starts one here; --stack FILE (or PJ_STACK) "
            + "names another, e.g. --stack compose.stack.json for docker compose";

    private final Path home;
    private final Map<String, String> env;

    StackLocator(Path home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    Located locate(Path stackOption) {
        if (stackOption != null) {
            return fromFile(stackOption, "--stack " + stackOption);
        }
        String fromEnv = env.get("PJ_STACK");
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromFile(Path.of(fromEnv.trim()), "PJ_STACK=" + fromEnv.trim());
        }
        Path local = home.resolve(".pj/stack.json");
        var running = StackState.read(local).filter(StackState::anyAlive);
        if (running.isPresent()) {
            return new Located(running.get(), "the stack ./packet-journey up started (.pj/stack.json)");
        }
        return new Located(defaults(), "the default ports on " + host());
    }

    private Located fromFile(Path file, String origin) {
        Path resolved = file.isAbsolute() ? file : Path.of("").toAbsolutePath().resolve(file);
        if (!Files.exists(resolved) && !file.isAbsolute() && Files.exists(home.resolve(file))) {
            resolved = home.resolve(file); // relative to the project, as the launcher runs from anywhere
        }
        if (!Files.exists(resolved)) {
            throw CliError.usage("no stack file " + file + " (" + origin + ")");
        }
        try {
            StackState state = StackState.read(resolved).orElseThrow();
            List<String> missing = new ArrayList<>(Topics.SERVICES);
            state.services().forEach(s -> missing.remove(s.name()));
            if (!missing.isEmpty()) {
                throw CliError.usage("the stack file " + file + " names no endpoint for " + String.join(", ", missing)
                        + " (each service needs a \"url\" or a \"port\")");
            }
            if (state.bootstrapServers() == null || state.bootstrapServers().isBlank()) {
                throw CliError.usage("the stack file " + file + " names no broker (\"bootstrapServers\")");
            }
            return new Located(state, origin);
        } catch (UncheckedIOException | UnreadableEventException e) {
            throw CliError.usage("the stack file " + file + " is not readable: " + e.getMessage());
        }
    }

    /** The ports `up` and docker-compose.yml use, moved by the same environment variables. */
    StackState defaults() {
        int base = intEnv("PJ_PORT_BASE", 18080);
        List<StackState.ServiceEntry> services = new ArrayList<>();
        for (int i = 0; i < Topics.SERVICES.size(); i++) {
            String name = Topics.SERVICES.get(i);
            int port = intEnv(portVariable(name), base + 1 + i);
            services.add(new StackState.ServiceEntry(name, port, -1, "http://" + host() + ":" + port));
        }
        return new StackState(host() + ":" + intEnv("PJ_KAFKA_PORT", 19092), -1, services, null);
    }

    /** PJ_JOURNEY_LOG_PORT for journey-log. */
    static String portVariable(String service) {
        return "PJ_" + service.toUpperCase(Locale.ROOT).replace('-', '_') + "_PORT";
    }

    private String host() {
        String host = env.get("PJ_HOST");
        return host == null || host.isBlank() ? "localhost" : host.trim();
    }

    int intEnv(String name, int fallback) {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(v.trim());
        } catch (NumberFormatException e) {
            throw CliError.usage(name + "=" + v + " is not a port number");
        }
    }
}
