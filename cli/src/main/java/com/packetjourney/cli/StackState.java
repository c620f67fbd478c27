package com.packetjourney.cli;

import com.packetjourney.contracts.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** What a running stack consists of, kept in .pj/stack.json so later commands (send, show, down) can find it. */
public record StackState(String bootstrapServers, long brokerPid, List<ServiceEntry> services, String scenario) {

    public record ServiceEntry(String name, int port, long pid) {
    }

    public int portOf(String service) {
        return services.stream().filter(s -> s.name().equals(service)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no service " + service + " in the stack")).port();
    }

    public String urlOf(String service) {
        return "http://localhost:" + portOf(service);
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
