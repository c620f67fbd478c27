package com.packetjourney.cli;

import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.UnreadableEventException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Reads hop events from record values on a few threads of its own, a batch at a time, keeping the batch's order:
 * parsing the JSON is most of a replay's work, so while the consumer fetches the next batch and the fold takes the
 * previous one, every core parses. An unreadable value decodes to null.
 */
final class BatchDecoder implements AutoCloseable {
    private final int threads;
    private final ExecutorService pool;

    BatchDecoder(int threads) {
        this.threads = Math.max(1, threads);
        this.pool = Executors.newFixedThreadPool(this.threads, r -> {
            Thread t = new Thread(r, "replay-decoder");
            t.setDaemon(true);
            return t;
        });
    }

    /** The events of {@code values}, in their order (null for a value that is not a hop event). */
    CompletableFuture<List<HopEvent>> decode(List<byte[]> values) {
        int chunk = (values.size() + threads - 1) / threads;
        List<CompletableFuture<List<HopEvent>>> parts = new ArrayList<>();
        for (int from = 0; from < values.size(); from += chunk) {
            List<byte[]> slice = values.subList(from, Math.min(values.size(), from + chunk));
            parts.add(CompletableFuture.supplyAsync(() -> slice.stream().map(BatchDecoder::read).toList(), pool));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new)).thenApply(ignored -> {
            List<HopEvent> all = new ArrayList<>(values.size());
            parts.forEach(p -> all.addAll(p.join()));
            return all;
        });
    }

    static HopEvent read(byte[] value) {
        try {
            HopEvent event = Json.read(value, HopEvent.class);
            return event.eventId() == null ? null : event;
        } catch (UnreadableEventException e) {
            return null;
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
