package com.packetjourney.alb.service;

import com.packetjourney.alb.domain.ClientHello;
import com.packetjourney.alb.domain.ConnectAttempt;
import com.packetjourney.alb.domain.ForwardedRequest;
import com.packetjourney.alb.domain.HttpRequest;
import com.packetjourney.alb.domain.Listener;
import com.packetjourney.alb.domain.LoadBalancerNode;
import com.packetjourney.alb.domain.LoadBalancingAlgorithm;
import com.packetjourney.alb.domain.RedirectAction;
import com.packetjourney.alb.domain.RuleEvaluator;
import com.packetjourney.alb.domain.SynRetransmission;
import com.packetjourney.alb.domain.TargetGroup;
import com.packetjourney.alb.domain.TcpHandshake;
import com.packetjourney.alb.domain.TlsNegotiation;
import com.packetjourney.alb.domain.TlsTermination;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.JourneyContext;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.k8s.SecurityPolicy;
import com.packetjourney.contracts.k8s.TargetRegistration;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.hop.CommonWorld;
import com.packetjourney.kafka.WorldTable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The Application Load Balancer's data plane: the node owning the destination address accepts the connection on
 * a listener, terminates TLS, evaluates the listener's rules and forwards to a target of the matched target
 * group. It counts the requests outstanding per target until their responses come back. Thread-safe: world
 * updates, hops, responses and REST reads come from different threads.
 *
 * <p>Latency model: the route hop's latency is the one-way time between the client and the ALB node, so a round
 * trip costs twice that. Once the SYN has arrived, the SYN-ACK going back and the ACK (carrying the ClientHello)
 * coming in is one round trip; the TLS handshake under the listener's security policy adds one more for TLS 1.3,
 * two for TLS 1.2 ({@link TlsNegotiation}), the last carrying the HTTP request. The node then spends {@link #PROCESSING_MICROS} parsing the request, evaluating
 * rules and choosing a target.
 *
 * <p>Simulated "now": control-plane records (configurations, target registrations) carry no simulated time, so the
 * load balancer keeps its own "now", the latest simulated instant a journey reached it. A request is outstanding
 * from the instant it was forwarded until its response's instant, and a deregistered target drains for its target
 * group's deregistration delay from "now" (see {@link TargetGroup}); a journey sent at a later instant moves "now".
 */
@Singleton
public class AlbService {
    /** The model's figure for request parsing, rule evaluation and target selection on the node. */
    static final long PROCESSING_MICROS = 150;
    /** Rule action types (ELB API's ActionTypeEnum). */
    static final String FORWARD = "forward";
    static final String FIXED_RESPONSE = "fixed-response";
    static final String REDIRECT = "redirect";
    /** The dynamic port range a client's source port comes from (RFC 6335 §6). */
    private static final int EPHEMERAL_FIRST = 49152;
    private static final int EPHEMERAL_COUNT = 16384;

    /** ELB's reason code for a draining target in describe-target-health. */
    public static final String DEREGISTRATION_IN_PROGRESS = "Target.DeregistrationInProgress";
    /** ELB's default deregistration delay, for a target group whose configuration has not been seen. */
    static final Duration DEFAULT_DEREGISTRATION_DELAY = Duration.ofSeconds(300);

    /**
     * One row of `aws elbv2 describe-target-health` at the load balancer's "now", with the requests outstanding on
     * the target; a draining target has its reason and, once "now" is known, the simulated instant it will be gone.
     */
    public record TargetHealth(String targetGroup, String ip, int port, String pod, String state,
                               int outstandingRequests, String reason, Instant drainingUntil) {
    }

    private final Clock wallClock;
    private final CommonWorld world = new CommonWorld();
    private final WorldTable<LoadBalancer> loadBalancers = new WorldTable<>();
    private final WorldTable<AlbConfig> configs = new WorldTable<>();
    private final Map<String, TargetRegistration> registrations = new HashMap<>();
    private final Map<String, TargetGroup> groups = new HashMap<>();
    /** The target group each journey's request was forwarded to. */
    private final Map<String, String> groupByJourney = new HashMap<>();
    /** The latest simulated instant a journey reached this load balancer; null until one has. */
    private Instant simNow;

    @Inject
    public AlbService(Clock wallClock) {
        this.wallClock = wallClock;
    }

    /** The simulation (the seed of the client's source port), as read from the world. */
    public CommonWorld world() {
        return world;
    }

    /** The load balancers of the world, by name. */
    public WorldTable<LoadBalancer> loadBalancers() {
        return loadBalancers;
    }

    /** The controller's configuration of each load balancer (listeners, rules, target groups), by name. */
    public WorldTable<AlbConfig> configs() {
        return configs;
    }

    public synchronized void onTarget(String key, TargetRegistration target) {
        if (target == null) {
            TargetRegistration previous = registrations.remove(key);
            if (previous != null) {
                group(previous.targetGroup()).deregister(previous.ip(), previous.port());
            }
        } else {
            registrations.put(key, target);
            group(target.targetGroup()).register(target, deregistrationDelay(target.targetGroup()), simNow);
        }
    }

    private Duration deregistrationDelay(String targetGroup) {
        return configs.values().stream().flatMap(c -> c.targetGroups().stream())
                .filter(g -> g.name().equals(targetGroup)).findFirst()
                .map(g -> Duration.ofSeconds(g.deregistrationDelaySeconds())).orElse(DEFAULT_DEREGISTRATION_DELAY);
    }

    /** A journey reached the load balancer at {@code at}: "now" moves on if it is later. */
    private void observe(Instant at) {
        if (simNow == null || at.isAfter(simNow)) {
            simNow = at;
        }
        groups.values().forEach(g -> g.advance(simNow));
    }

    public synchronized HopEvent handle(HopEvent routed) {
        Instant now = wallClock.instant();
        observe(routed.simEndedAt());
        JourneyContext context = routed.context();
        String destination = context.serverIp();
        int port = context.port() != null ? context.port() : 443;
        long roundTrip = 2 * routed.simLatencyMicros();

        SplittableRandom random = new SplittableRandom(world.seed() ^ routed.journeyId().hashCode());
        TcpHandshake tcp = TcpHandshake.between(clientEndpoint(context, random), destination + ":" + port, random);
        ConnectAttempt attempt = ConnectAttempt.to(loadBalancers.values(), configs::get, destination, port,
                context.originAs());
        if (!attempt.answered()) {
            // Nothing answers the SYN: the client retransmits it until it gives up.
            SynRetransmission syn = SynRetransmission.LINUX;
            return routed.next(syn.giveUpMicros(), now, Outcome.failed(attempt.failure(), attempt.timeoutMessage(syn)),
                    context, unanswered(attempt.node(), syn.lines(tcp.client(), tcp.server(), tcp.clientIsn())));
        }
        LoadBalancerNode node = attempt.node();
        AlbConfig config = configs.get(node.loadBalancer());
        Optional<Listener> listener = Optional.of(attempt.listener());
        long latency = TcpHandshake.ROUND_TRIPS * roundTrip;

        TlsTermination tls = null;
        if (listener.get().terminatesTls()) {
            TlsNegotiation.Result session = TlsNegotiation.negotiate(
                    SecurityPolicy.ofListener(listener.get().sslPolicy()), ClientHello.CHROME, TlsNegotiation.RSA);
            latency += session.roundTrips() * roundTrip;
            if (!session.agreed()) {
                return routed.next(latency, now, Outcome.failed(FailureCode.ALB_TLS_NO_SHARED_CIPHER,
                        session.explanation()), context, forwarded(node, tcp, listener.get(), null));
            }
            List<LoadBalancer.Certificate> certificates = certificates(node, listener.get());
            Optional<TlsTermination> found = TlsTermination.negotiate(context.host(), certificates);
            if (found.isEmpty()) {
                return routed.next(latency, now, Outcome.failed(FailureCode.ALB_TLS_HANDSHAKE_FAILED,
                        noCertificateExplanation(context.host(), listener.get(), certificates)),
                        context, forwarded(node, tcp, listener.get(), null));
            }
            tls = found.get().with(session);
        }
        latency += PROCESSING_MICROS;

        HttpRequest request = HttpRequest.fromBrowser(context);
        Optional<AlbConfig.Rule> rule = RuleEvaluator.firstMatch(listener.get().rules(), request);
        if (rule.isEmpty() && listener.get().defaultRedirect() != null) {
            RedirectAction redirect = RedirectAction.of(listener.get().defaultRedirect().redirect(), request,
                    listener.get());
            return routed.next(latency, now, Outcome.failed(FailureCode.ALB_REDIRECT, redirect.statusLine()
                            + ": the default action of listener " + listener.get().name() + " redirects to Location: "
                            + redirect.location()),
                    context, forwarded(node, tcp, listener.get(), tls));
        }
        if (rule.isEmpty()) {
            return routed.next(latency, now, Outcome.failed(FailureCode.ALB_NO_RULE,
                    "no rule of listener " + listener.get().name() + " matches host " + context.host() + " and path "
                            + context.path() + "; the default action " + listener.get().defaultAction()
                            + " answers HTTP 404 Not Found"),
                    context, forwarded(node, tcp, listener.get(), tls));
        }
        AlbConfig.Action action = rule.get().action();
        String type = action == null ? FORWARD : action.type();
        if (FIXED_RESPONSE.equals(type) && action.fixedResponse() != null) {
            AlbConfig.FixedResponse fixed = action.fixedResponse();
            String description = "fixed-response " + fixed.statusCode()
                    + (fixed.contentType() == null ? "" : " " + fixed.contentType());
            return routed.next(latency, now, Outcome.failed(FailureCode.ALB_FIXED_RESPONSE, "HTTP "
                            + fixed.statusCode() + " answered by the ALB itself (rule " + rule.get().priority() + ", "
                            + description + (fixed.messageBody() == null ? "" : ": \"" + fixed.messageBody() + "\"")
                            + "); no target was asked"),
                    context, matchedOnly(node, tcp, listener.get(), tls, rule.get(), description));
        }
        if (REDIRECT.equals(type) && action.redirect() != null) {
            RedirectAction redirect = RedirectAction.of(action.redirect(), request, listener.get());
            return routed.next(latency, now, Outcome.failed(FailureCode.ALB_REDIRECT, redirect.statusLine()
                            + ": rule " + rule.get().priority() + " redirects to Location: " + redirect.location()
                            + "; the request does not reach a target"),
                    context, matchedOnly(node, tcp, listener.get(), tls, rule.get(),
                            "redirect " + redirect.status() + " to " + redirect.location()));
        }
        String groupName = action != null && action.targetGroup() != null ? action.targetGroup()
                : rule.get().targetGroup();
        AlbForwarded.Rule matched = new AlbForwarded.Rule(rule.get().priority(), RuleEvaluator.describe(rule.get()),
                "forward to " + groupName);
        LoadBalancingAlgorithm algorithm = LoadBalancingAlgorithm.fromAttribute(config.targetGroups().stream()
                .filter(g -> g.name().equals(groupName)).map(AlbConfig.TargetGroup::algorithm).findFirst()
                .orElse(null));

        String previous = groupByJourney.remove(routed.journeyId());
        if (previous != null) {
            // A redelivered hop must not count its request twice.
            group(previous).forget(routed.journeyId());
        }
        Instant forwardedAt = routed.simEndedAt().plus(Duration.ofNanos(latency * 1000));
        observe(forwardedAt);
        TargetGroup group = group(groupName);
        Optional<TargetGroup.Pick> pick = group.pick(algorithm, routed.journeyId(), forwardedAt);
        if (pick.isEmpty()) {
            return routed.next(latency, now, Outcome.failed(FailureCode.ALB_NO_HEALTHY_TARGET,
                    "HTTP 503: target group " + groupName + " has no healthy registered target ("
                            + (group.targets().isEmpty() ? "none registered" : group.drainingCount() + " draining")
                            + ")"),
                    context, new AlbForwarded(node.loadBalancer(), node.publicIp(), node.availabilityZone(),
                            tcp.lines(), listener.get().name(), tls == null ? null : tls.toPayload(), matched,
                            groupName, algorithm.attribute(), null, List.of()));
        }
        TargetRegistration target = pick.get().target();
        groupByJourney.put(routed.journeyId(), groupName);
        ForwardedRequest sent = ForwardedRequest.of(request, listener.get(), node.privateIp(), target.ip(),
                target.port(), forwardedAt, random);
        AlbForwarded payload = new AlbForwarded(node.loadBalancer(), node.publicIp(), node.availabilityZone(),
                tcp.lines(), listener.get().name(), tls == null ? null : tls.toPayload(), matched, groupName,
                algorithm.attribute(), new AlbForwarded.Target(target.ip(), target.port(), target.pod(),
                target.eventId()), pick.get().candidates(), new AlbForwarded.BackendRequest(sent.connection(),
                sent.requestLine(), sent.headers()));
        return routed.next(latency, now, Outcome.ok(),
                context.withTarget(target.ip(), target.port(), node.availabilityZone()), payload);
    }

    /**
     * The target's response came back through the ALB (or the pod hop failed): the request was outstanding until
     * the response's simulated instant. It does not move "now": the next journey may well start before it.
     */
    public synchronized void onPodResponded(HopEvent response) {
        String done = groupByJourney.remove(response.journeyId());
        if (done != null) {
            group(done).respond(response.journeyId(), response.simEndedAt());
        }
    }

    /** The targets of every target group the load balancer forwards to; empty when no such load balancer exists. */
    public synchronized Optional<List<TargetHealth>> targetHealth(String loadBalancer) {
        if (!loadBalancers.containsKey(loadBalancer)) {
            return Optional.empty();
        }
        AlbConfig config = configs.get(loadBalancer);
        List<TargetHealth> health = new ArrayList<>();
        for (AlbConfig.TargetGroup definition : config == null ? List.<AlbConfig.TargetGroup>of() : config.targetGroups()) {
            TargetGroup group = group(definition.name());
            for (TargetRegistration t : group.targets()) {
                boolean draining = TargetRegistration.DRAINING.equals(t.state());
                health.add(new TargetHealth(group.name(), t.ip(), t.port(), t.pod(), t.state(),
                        group.outstanding(t.ip(), t.port(), simNow), draining ? DEREGISTRATION_IN_PROGRESS : null,
                        group.drainingUntil(t.ip(), t.port()).orElse(null)));
            }
        }
        return Optional.of(health);
    }

    /** The load balancers of the world, by name. */
    public synchronized List<String> loadBalancerNames() {
        return loadBalancers.keys();
    }

    private TargetGroup group(String name) {
        return groups.computeIfAbsent(name, TargetGroup::new);
    }

    /**
     * The client as the ALB sees it: the NAT's public address and translated port when routing reported them, else
     * the client's own address and a seeded port from the dynamic range.
     */
    private static String clientEndpoint(JourneyContext context, SplittableRandom random) {
        int port = EPHEMERAL_FIRST + random.nextInt(EPHEMERAL_COUNT);
        if (context.publicSourceIp() != null) {
            return context.publicSourceIp() + ":" + (context.publicSourcePort() != null ? context.publicSourcePort() : port);
        }
        return context.clientIp() + ":" + port;
    }

    /** The listener's certificates as ACM holds them for this load balancer, in listener order. */
    private List<LoadBalancer.Certificate> certificates(LoadBalancerNode node, Listener listener) {
        List<LoadBalancer.Certificate> known = loadBalancers.get(node.loadBalancer()).certificates();
        return listener.certificateArns().stream().map(arn -> known.stream().filter(c -> c.arn().equals(arn))
                .findFirst().orElse(new LoadBalancer.Certificate(arn, List.of()))).toList();
    }

    private static String noCertificateExplanation(String host, Listener listener,
                                                   List<LoadBalancer.Certificate> certificates) {
        if (certificates.isEmpty()) {
            return "listener " + listener.name() + " has no certificate to present for " + host;
        }
        LoadBalancer.Certificate fallback = certificates.get(0);
        return "no certificate of listener " + listener.name() + " covers " + host + "; the ALB presents its default "
                + "certificate " + fallback.arn() + " for " + fallback.domains()
                + " and the client aborts the handshake (bad_certificate)";
    }

    /** The hop's payload when the matched rule answered itself (fixed-response or redirect): no target group. */
    private static AlbForwarded matchedOnly(LoadBalancerNode node, TcpHandshake tcp, Listener listener,
                                            TlsTermination tls, AlbConfig.Rule rule, String action) {
        return new AlbForwarded(node.loadBalancer(), node.publicIp(), node.availabilityZone(), tcp.lines(),
                listener.name(), tls == null ? null : tls.toPayload(),
                new AlbForwarded.Rule(rule.priority(), RuleEvaluator.describe(rule), action), null, null, null,
                List.of());
    }

    private static AlbForwarded unanswered(LoadBalancerNode node, List<String> syns) {
        return new AlbForwarded(node == null ? null : node.loadBalancer(), node == null ? null : node.publicIp(),
                node == null ? null : node.availabilityZone(), syns, null, null, null, null, null, null, List.of());
    }

    private static AlbForwarded forwarded(LoadBalancerNode node, TcpHandshake tcp, Listener listener,
                                          TlsTermination tls) {
        return new AlbForwarded(node == null ? null : node.loadBalancer(), node == null ? null : node.publicIp(),
                node == null ? null : node.availabilityZone(), tcp == null ? List.of() : tcp.lines(),
                listener == null ? null : listener.name(), tls == null ? null : tls.toPayload(), null, null, null,
                null, List.of());
    }
}
