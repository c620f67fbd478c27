package com.packetjourney.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The HTTP calls the CLI makes to a running stack: start a journey at the laptop, read it from journey-log. */
public final class StackClient {
    private final StackState stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public StackClient(StackState stack) {
        this.stack = stack;
    }

    /** A non-2xx answer, with the body (problem+json) that says why. */
    public static final class HttpProblem extends RuntimeException {
        public final int status;
        public final String body;

        HttpProblem(int status, String body) {
            super("HTTP " + status + ": " + body);
            this.status = status;
            this.body = body;
        }
    }

    /** POST /journeys at the laptop; returns the journey id. */
    public String send(String url, String client, String at, String journeyId) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("url", url);
        if (client != null) {
            body.put("client", client);
        }
        if (at != null) {
            body.put("at", at);
        }
        if (journeyId != null) {
            body.put("journeyId", journeyId);
        }
        HttpResponse<String> r = call(HttpRequest.newBuilder(URI.create(stack.urlOf("laptop") + "/journeys"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))).build());
        return Json.read(r.body(), JsonNode.class).path("journeyId").asText();
    }

    public Optional<JourneyView> journey(String id) {
        return journeyJson(id).map(json -> Json.read(json, JourneyView.class));
    }

    public Optional<String> journeyJson(String id) {
        try {
            HttpResponse<String> r = call(HttpRequest.newBuilder(URI.create(stack.urlOf("journey-log") + "/journeys/"
                    + URLEncoder.encode(id, StandardCharsets.UTF_8))).GET().build());
            return Optional.of(r.body());
        } catch (HttpProblem p) {
            if (p.status == 404) {
                return Optional.empty();
            }
            throw p;
        }
    }

    public String journeysJson(String status, int limit) {
        String query = "?limit=" + limit + (status == null ? "" : "&status=" + URLEncoder.encode(status, StandardCharsets.UTF_8));
        return call(HttpRequest.newBuilder(URI.create(stack.urlOf("journey-log") + "/journeys" + query)).GET().build()).body();
    }

    /** Waits until the journey has ended (completed or failed); after the timeout it is reported as it stands. */
    public Optional<JourneyView> awaitEnd(String id, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Optional<JourneyView> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            last = journey(id);
            if (last.isPresent() && last.get().status() != JourneyStatus.IN_PROGRESS) {
                return last;
            }
            sleep(100);
        }
        return last;
    }

    /** Healthy targets the ALB has for a load balancer (0 while the controller has not registered any). */
    public int healthyTargets(String loadBalancer) {
        try {
            HttpResponse<String> r = call(HttpRequest.newBuilder(URI.create(stack.urlOf("alb") + "/load-balancers/"
                    + URLEncoder.encode(loadBalancer, StandardCharsets.UTF_8) + "/target-health")).GET().build());
            int healthy = 0;
            for (JsonNode t : Json.read(r.body(), JsonNode.class)) {
                if ("healthy".equals(t.path("state").asText())) {
                    healthy++;
                }
            }
            return healthy;
        } catch (HttpProblem p) {
            return 0;
        }
    }

    private HttpResponse<String> call(HttpRequest request) {
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new HttpProblem(r.statusCode(), r.body());
            }
            return r;
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + request.uri() + " (is the stack up? ./packet-journey up): "
                    + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
