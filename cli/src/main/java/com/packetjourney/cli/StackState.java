package com.packetjourney.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.packetjourney.contracts.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where a stack's services and broker are. `up` keeps the one it started in .pj/stack.json (with the processes'
 * ids, so later commands can tell whether it still runs and `down` can stop it); a stack file given with --stack
 * (compose.stack.json) names another stack's endpoints the same way, each service by {@code url} or by
 * {@code port} on localhost.
 */
public record StackState(String bootstrapServers, long brokerPid, List<ServiceEntry> services, String scenario) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceEntry(String name, int port, long pid, String url) {
        public ServiceEntry(String name, int port, long pid) {
            this(name, port, pid, null);
        }

        /** The service's base URL, without a trailing slash. */
        public String baseUrl() {
            if (url != null && !url.isBlank()) {
                return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
            }
            return "http://localhost:" + port;
        }
    }

    public StackState {
        services = services == null ? List.of() : List.copyOf(services);
    }

    public Optional<ServiceEntry> service(String name) {
        return services.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public int portOf(String service) {
        return service(service).orElseThrow(() -> new IllegalStateException("no service " + service + " in the stack"))
                .port();
    }

    public String urlOf(String service) {
        return service(service).map(ServiceEntry::baseUrl).orElseThrow(() -> CliError.usage(
                "the stack names no endpoint for " + service + " (a stack file lists every service by url or port)"));
    }

    public void write(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(this));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<StackState> read(Path file) {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.read(Files.readString(file), StackState.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean anyAlive() {
        return ProcessHandle.of(brokerPid).map(ProcessHandle::isAlive).orElse(false)
                || services.stream().anyMatch(s -> ProcessHandle.of(s.pid()).map(ProcessHandle::isAlive).orElse(false));
    }
}
