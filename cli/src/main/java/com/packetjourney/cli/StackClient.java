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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The HTTP calls the CLI makes to a running stack: start a journey at the laptop, read it from journey-log, change
 * the world at the service that owns each part of it.
 */
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

    /** bgp-router: AS {@code asn} starts originating {@code prefix}; the change as the service reports it. */
    public JsonNode announce(String asn, String prefix) {
        return json(request("bgp-router", "/autonomous-systems/" + segment(asn) + "/announcements")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("prefix", prefix)))));
    }

    /** bgp-router: AS {@code asn} stops originating {@code prefix} (CIDR: address and length are path segments). */
    public JsonNode withdraw(String asn, String prefix) {
        int slash = prefix.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("'" + prefix + "' is not a prefix in CIDR notation, e.g. 54.216.0.0/15");
        }
        return json(request("bgp-router", "/autonomous-systems/" + segment(asn) + "/announcements/"
                + segment(prefix.substring(0, slash)) + "/" + segment(prefix.substring(slash + 1))).DELETE());
    }

    /** bgp-router: the route AS {@code asn} has for {@code ip} (longest-prefix match), with any hijack warning. */
    public JsonNode lookup(String asn, String ip) {
        return json(request("bgp-router", "/autonomous-systems/" + segment(asn) + "/lookup?ip=" + segment(ip)).GET());
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
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    /** dhcp-server: a LAN's pool as the server has it. */
    public JsonNode pool(String lan) {
        return json(request("dhcp-server", "/lans/" + segment(lan) + "/pool").GET());
    }

    /** dhcp-server: a DHCPRELEASE from the client with MAC address {@code mac}. */
    /** dhcp-server: a new device joins a LAN. */
    public JsonNode addClient(String name, String mac, String lan) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("mac", mac);
        body.put("lan", lan);
        return json(request("dhcp-server", "/clients").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    public JsonNode release(String lan, String mac) {
        return json(request("dhcp-server", "/lans/" + segment(lan) + "/leases/" + segment(mac) + "/release")
                .POST(HttpRequest.BodyPublishers.noBody()));
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
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(body))));
    }

    /** dns-resolver: deletes a record set of a zone. */
    public JsonNode deleteRecord(String origin, String name, String type) {
        return json(request("dns-resolver", "/zones/" + segment(origin) + "/records/" + segment(name) + "/"
                + segment(type)).DELETE());
    }

    /** dns-resolver: empties the DNS caches of one {@code level} (browser, os, router, resolver or all). */
    public JsonNode flushCaches(String level) {
        return json(request("dns-resolver", "/caches/flush?level=" + segment(level))
                .POST(HttpRequest.BodyPublishers.noBody()));
    }

    /** k8s-api: "kubectl scale deployment"; the pods change once the control plane has reconciled. */
    public JsonNode scaleDeployment(String namespace, String deployment, int replicas) {
        return json(request("k8s-api", "/apis/apps/v1/namespaces/" + segment(namespace) + "/deployments/"
                + segment(deployment) + "/scale")
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("replicas", replicas)))));
    }

    /** k8s-api: "kubectl delete pod"; the pod as it is now, Terminating. */
    public JsonNode deletePod(String namespace, String pod) {
        return json(request("k8s-api", "/api/v1/namespaces/" + segment(namespace) + "/pods/" + segment(pod)).DELETE());
    }

    /** k8s-api: "kubectl set image"; the Deployment with its new image, which rolls out once read back. */
    public JsonNode setImage(String namespace, String deployment, String image) {
        return json(request("k8s-api", "/apis/apps/v1/namespaces/" + segment(namespace) + "/deployments/"
                + segment(deployment))
                .header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(Json.write(Map.of("image", image)))));
    }

    /** node-cni: the application in the pod answers {@code micros} later (0: normally again). */
    public JsonNode slowPod(String namespace, String pod, long micros) {
        return json(request("node-cni", "/pods/" + segment(namespace) + "/" + segment(pod) + "/slowness")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of("micros", micros)))));
    }

    private HttpRequest.Builder request(String service, String path) {
        return HttpRequest.newBuilder(URI.create(stack.urlOf(service) + path));
    }

    /** The answer's JSON; an empty answer (204) is an empty object. */
    private JsonNode json(HttpRequest.Builder request) {
        String body = call(request.build()).body();
        return body == null || body.isBlank() ? Json.mapper().createObjectNode() : Json.read(body, JsonNode.class);
    }

    /** One URL path segment: percent-encoded, a space as %20 (URLEncoder writes the form encoding's +). */
    private static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
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
