package com.packetjourney.journeylog.service;

import com.packetjourney.contracts.HopType;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Sends each journey, once it has finished, as an OTLP/JSON trace to an OTLP/HTTP receiver's {@code /v1/traces}
 * (OTLP specification, "OTLP/HTTP"): Jaeger, Grafana Tempo or an OpenTelemetry Collector. Sending is
 * asynchronous and never holds up the log; a receiver that is down loses those traces (they can be fetched again from
 * {@code GET /journeys/{id}/trace}).
 */
public class OtlpPush implements Consumer<JourneySummary> {
    private static final Logger LOG = Logger.getLogger(OtlpPush.class);
    /** Journeys already sent, so that a journey read again (after a restart, say) is not sent twice by this instance. */
    private static final int REMEMBERED = 100_000;

    private final URI tracesUri;
    private final JourneyExport export;
    private final JourneyLogService log;
    private final HttpClient http;
    private final ExecutorService worker;
    private final Map<String, Boolean> sent = new LinkedHashMap<>(1024, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    };

    public OtlpPush(String endpoint, JourneyLogService log, JourneyExport export) {
        String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
        this.tracesUri = URI.create(base.endsWith("/v1/traces") ? base : base + "/v1/traces");
        this.log = log;
        this.export = export;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "otlp-push");
            t.setDaemon(true);
            return t;
        });
    }

    public URI tracesUri() {
        return tracesUri;
    }

    /** Called with every journey that changed, on the log reader's thread: the work is done on this one's own. */
    @Override
    public void accept(JourneySummary summary) {
        if (summary.status() == JourneyStatus.COMPLETED || summary.status() == JourneyStatus.FAILED) {
            worker.execute(() -> send(summary));
        }
    }

    private void send(JourneySummary summary) {
        Optional<JourneyView> journey = log.journey(summary.journeyId());
        // hops are read from six topics: a journey whose last hop came before its first is not finished yet
        if (journey.isEmpty() || journey.get().hops().isEmpty()
                || journey.get().hops().get(0).hopType() != HopType.JOURNEY_REQUESTED || !firstTime(summary)) {
            return;
        }
        byte[] body = Json.writeBytes(export.trace(export.capture(journey.get())));
        HttpRequest request = HttpRequest.newBuilder(tracesUri).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
            if (error != null) {
                LOG.warnf("trace of journey %s not sent to %s: %s", summary.journeyId(), tracesUri, error.toString());
            } else if (response.statusCode() / 100 != 2) {
                LOG.warnf("trace of journey %s refused by %s: %d %s", summary.journeyId(), tracesUri,
                        response.statusCode(), response.body());
            }
        });
    }

    private synchronized boolean firstTime(JourneySummary summary) {
        return sent.put(summary.journeyId(), Boolean.TRUE) == null;
    }
}
