package com.packetjourney.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.packetjourney.contracts.Json;
import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The HTTP calls the CLI makes to a running stack: start a journey at the laptop, read it from journey-log, change
 * the world at the service that owns each part of it.
 */
public final class StackClient {
    /** A service that does not accept the connection within this is reported unreachable (exit code 3). */
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private final StackState stack;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();

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
        return send(url, client, at, null, journeyId);
    }

    /**
     * POST /journeys at the laptop, at an instant ({@code at}) or a delay past the client's simulated clock
     * ({@code after}, e.g. "10m"), or, with neither, at the clock; returns the journey id.
     */
    public String send(String url, String client, String at, String after, String journeyId) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("url", url);
        if (client != null) {
            body.put("client", client);
        }
        if (at != null) {
            body.put("at", at);
        }
        if (after != null) {
            body.put("after", after);
        }
        if (journeyId != null) {
            body.put("journeyId", journeyId);
        }
        HttpResponse<String> r = call(request("laptop", "/journeys")
                .header("Content-Type", "application/json")
                .post(HttpRequest.BodyPublishers.ofString(Json.write(body))));
        return Json.read(r.body(), JsonNode.class).path("journeyId").asText();
    }

    public Optional<JourneyView> journey(String id) {
        return journeyJson(id).map(json -> Json.read(json, JourneyView.class));
    }

    public Optional<String> journeyJson(String id) {
        try {
            HttpResponse<String> r = call(request("journey-log", "/journeys/" + segment(id)).get());
            return Optional.of(r.body());
        } catch (HttpProblem p) {
            if (p.status == 404) {
                return Optional.empty();
            }
            throw p;
        }
    }

    public String journeysJson(String status, int limit) {
        Map<String, String> filters = new LinkedHashMap<>();
        filters.put("status", status);
        return journeysJson(filters, 0, limit);
    }

    /** A page of journey summaries from journey-log; {@code filters} are its query parameters (nulls left out). */
    public String journeysJson(Map<String, String> filters, int offset, int limit) {
        return journeysPage(filters, offset, limit).json();
    }

    /** A page of journey summaries (a JSON array) and how many journeys match on all pages. */
    public record Page(String json, long total) {
    }

    public Page journeysPage(Map<String, String> filters, int offset, int limit) {
        HttpResponse<String> r = call(request("journey-log", "/journeys?offset=" + offset + "&limit=" + limit
                + query(filters, "&")).get());
        long total = r.headers().firstValueAsLong("X-Total-Count").orElse(-1);
        return new Page(r.body(), total);
    }

    /** {@code filters} as query parameters, each preceded by {@code separator}; nulls left out. */
    static String query(Map<String, String> filters, String separator) {
        StringBuilder q = new StringBuilder();
        filters.forEach((k, v) -> {
            if (v != null) {
                q.append(q.length() == 0 ? separator : "&").append(k).append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        return q.toString();
    }

    /** journey-log's server-sent events for journeys matching {@code filters}, as lines, until closed. */
    public Stream<String> journeyStream(Map<String, String> filters) {
        Call call = request("journey-log", "/journeys/stream" + query(filters, "?"))
                .header("Accept", "text/event-stream").get();
        HttpRequest request = call.builder.build();
        try {
            HttpResponse<Stream<String>> r = http.send(request, HttpResponse.BodyHandlers.ofLines());
            if (r.statusCode() / 100 != 2) {
                String body = r.body().collect(Collectors.joining("\n"));
                throw new HttpProblem(r.statusCode(), body);
            }
            return r.body();
        } catch (IOException e) {
            throw unreachable(call.service, request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * The journey whose id is {@code idOrPrefix}, or else the only one whose id starts with it (as git and docker
     * accept short ids): its full id and its JSON as journey-log serves it. None: exit code 1; several: 2.
     */
    public Map.Entry<String, String> findJourney(String idOrPrefix) {
        Optional<String> exact = journeyJson(idOrPrefix);
        if (exact.isPresent()) {
            return Map.entry(idOrPrefix, exact.get());
        }
        List<String> matches = new ArrayList<>();
        int page = 1000;
        for (int offset = 0; ; offset += page) {
            JsonNode summaries = Json.read(journeysJson(Map.of(), offset, page), JsonNode.class);
            for (JsonNode s : summaries) {
                String id = s.path("journeyId").asText();
                if (id.startsWith(idOrPrefix) && !matches.contains(id)) {
                    matches.add(id);
                }
            }
            if (summaries.size() < page || matches.size() > 1) {
                break;
            }
        }
        if (matches.isEmpty()) {
            throw CliError.failure("no journey " + idOrPrefix + " in the log (./packet-journey journeys lists them)");
        }
        if (matches.size() > 1) {
            throw ambiguous(idOrPrefix, matches);
        }
        String id = matches.get(0);
        return Map.entry(id, journeyJson(id).orElseThrow(() -> CliError.failure("journey " + id + " is gone")));
    }

    /** Several journeys' ids start with {@code prefix}: exit code 2, naming a few of them. */
    static CliError ambiguous(String prefix, List<String> ids) {
        return CliError.usage("journey id '" + prefix + "' is ambiguous: " + String.join(", ",
                ids.subList(0, Math.min(5, ids.size()))) + (ids.size() > 5 ? " and others" : "")
                + " start with it; give more of it");
    }

    /** Waits until the journey has ended (completed or failed); after the timeout it is reported as it stands. */
    public Optional<JourneyView> awaitEnd(String id, Duration timeout) {
        return awaitEnd(id, timeout, (view, elapsed) -> { });
    }

    /** As {@link #awaitEnd(String, Duration)}, telling {@code progress} how it stands after each look. */
    public Optional<JourneyView> awaitEnd(String id, Duration timeout,
                                          BiConsumer<Optional<JourneyView>, Duration> progress) {
        long t0 = System.nanoTime();
        long deadline = t0 + timeout.toNanos();
        Optional<JourneyView> last = Optional.empty();
        while (System.nanoTime() < deadline) {
            last = journey(id);
            if (last.isPresent() && last.get().status() != JourneyStatus.IN_PROGRESS) {
                return last;
            }
            progress.accept(last, Duration.ofNanos(System.nanoTime() - t0));
            sleep(100);
        }
        return last;
    }

    /** Healthy targets the ALB has for a load balancer (0 while the controller has not registered any). */
    public int healthyTargets(String loadBalancer) {
        try {
            HttpResponse<String> r = call(request("alb", "/load-balancers/" + segment(loadBalancer) + "/target-health").get());
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

    /** bgp-router: AS {@code asn} starts originating {@code prefix}; the change as the service reports it. */
    public JsonNode announce(String asn, String prefix) {
        return json(request("bgp-router", "/autonomous-systems/" + segment(asn) + "/announcements")
                .header("Content-Type", "application/json")
                .post(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("prefix", prefix)))));
    }

    /** bgp-router: AS {@code asn} stops originating {@code prefix} (CIDR: address and length are path segments). */
    public JsonNode withdraw(String asn, String prefix) {
        int slash = prefix.indexOf('/');
        if (slash < 0) {
            throw CliError.usage("PREFIX: '" + prefix + "' is not in CIDR notation, e.g. 54.216.0.0/15");
        }
        return json(request("bgp-router", "/autonomous-systems/" + segment(asn) + "/announcements/"
                + segment(prefix.substring(0, slash)) + "/" + segment(prefix.substring(slash + 1))).delete());
    }

    /** bgp-router: the route AS {@code asn} has for {@code ip} (longest-prefix match), with any hijack warning. */
    public JsonNode lookup(String asn, String ip) {
        return json(request("bgp-router", "/autonomous-systems/" + segment(asn) + "/lookup?ip=" + segment(ip)).get());
    }

    /** dhcp-server: a new address pool for a LAN; a null {@code leaseSeconds} keeps the lease time. */
    public JsonNode setPool(String lan, String poolStart, String poolEnd, String leaseSeconds) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("poolStart", poolStart);
        body.put("poolEnd", poolEnd);
        if (leaseSeconds != null) {
            body.put("leaseSeconds", leaseSeconds);
        }
        return json(request("dhcp-server", "/lans/" + segment(lan) + "/pool")
                .header("Content-Type", "application/json")
                .put(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    /** dhcp-server: a LAN's pool as the server has it. */
    public JsonNode pool(String lan) {
        return json(request("dhcp-server", "/lans/" + segment(lan) + "/pool").get());
    }

    /** dhcp-server: a new device joins a LAN. */
    public JsonNode addClient(String name, String mac, String lan) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("mac", mac);
        body.put("lan", lan);
        return json(request("dhcp-server", "/clients")
                .post(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    /** dhcp-server: a DHCPRELEASE from the client with MAC address {@code mac}. */
    public JsonNode release(String lan, String mac) {
        return json(request("dhcp-server", "/lans/" + segment(lan) + "/leases/" + segment(mac) + "/release")
                .post(HttpRequest.BodyPublishers.noBody()));
    }

    /** dns-resolver: sets a record set of a zone; a null {@code ttl} leaves it to the service. */
    public JsonNode setRecord(String origin, String name, String type, Long ttl, List<String> values) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("type", type);
        if (ttl != null) {
            body.put("ttl", ttl);
        }
        body.put("values", values);
        return json(request("dns-resolver", "/zones/" + segment(origin) + "/records")
                .header("Content-Type", "application/json")
                .put(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    /** dns-resolver: deletes a record set of a zone. */
    public JsonNode deleteRecord(String origin, String name, String type) {
        return json(request("dns-resolver", "/zones/" + segment(origin) + "/records/" + segment(name) + "/"
                + segment(type)).delete());
    }

    /** dns-resolver: empties the DNS caches of one {@code level} (browser, os, router, resolver or all). */
    public JsonNode flushCaches(String level) {
        return json(request("dns-resolver", "/caches/flush?level=" + segment(level))
                .post(HttpRequest.BodyPublishers.noBody()));
    }

    /** k8s-api: "kubectl scale deployment"; the pods change once the control plane has reconciled. */
    public JsonNode scaleDeployment(String namespace, String deployment, int replicas) {
        return json(request("k8s-api", "/apis/apps/v1/namespaces/" + segment(namespace) + "/deployments/"
                + segment(deployment) + "/scale")
                .header("Content-Type", "application/json")
                .put(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("replicas", replicas)))));
    }

    /** k8s-api: "kubectl delete pod"; the pod as it is now, Terminating. */
    public JsonNode deletePod(String namespace, String pod) {
        return json(request("k8s-api", "/api/v1/namespaces/" + segment(namespace) + "/pods/" + segment(pod)).delete());
    }

    /** k8s-api: "kubectl set image"; the Deployment with its new image, which rolls out once read back. */
    public JsonNode setImage(String namespace, String deployment, String image) {
        return json(request("k8s-api", "/apis/apps/v1/namespaces/" + segment(namespace) + "/deployments/"
                + segment(deployment))
                .header("Content-Type", "application/merge-patch+json")
                .patch( HttpRequest.BodyPublishers.ofString(Json.write(Map.of("image", image)))));
    }

    /** node-cni: the application in the pod answers {@code micros} later (0: normally again). */
    public JsonNode slowPod(String namespace, String pod, long micros) {
        return json(request("node-cni", "/pods/" + segment(namespace) + "/" + segment(pod) + "/slowness")
                .header("Content-Type", "application/json")
                .post(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("micros", micros)))));
    }

    /** A request to one service of the stack: the service is named if it does not answer. */
    private final class Call {
        final String service;
        final HttpRequest.Builder builder;

        Call(String service, String path) {
            this.service = service;
            this.builder = HttpRequest.newBuilder(URI.create(stack.urlOf(service) + path));
        }

        Call header(String name, String value) {
            builder.header(name, value);
            return this;
        }

        Call get() {
            builder.GET();
            return this;
        }

        Call post(HttpRequest.BodyPublisher body) {
            builder.POST(body);
            return this;
        }

        Call put(HttpRequest.BodyPublisher body) {
            builder.PUT(body);
            return this;
        }

        Call patch(HttpRequest.BodyPublisher body) {
            builder.method("PATCH", body);
            return this;
        }

        Call delete() {
            builder.DELETE();
            return this;
        }
    }

    private Call request(String service, String path) {
        return new Call(service, path);
    }

    /** The answer's JSON; an empty answer (204) is an empty object. */
    private JsonNode json(Call call) {
        String body = call(call).body();
        return body == null || body.isBlank() ? Json.mapper().createObjectNode() : Json.read(body, JsonNode.class);
    }

    /** One URL path segment: percent-encoded, a space as %20 (URLEncoder writes the form encoding's +). */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private HttpResponse<String> call(Call call) {
        HttpRequest request = call.builder.build();
        try {
            HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new HttpProblem(r.statusCode(), r.body());
            }
            return r;
        } catch (IOException e) {
            throw unreachable(call.service, request, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Which service did not answer, at which address, and what to do about it. */
    private static CliError unreachable(String service, HttpRequest request, IOException e) {
        URI uri = request.uri();
        String why;
        if (e instanceof HttpConnectTimeoutException) {
            why = "no answer within " + CONNECT_TIMEOUT.toSeconds() + " s";
        } else if (e instanceof ConnectException) {
            why = "connection refused";
        } else {
            why = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        return CliError.unreachable("cannot reach " + service + " at " + uri.getScheme() + "://" + uri.getAuthority()
                + " (" + why + ")", StackLocator.HINT, e);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
