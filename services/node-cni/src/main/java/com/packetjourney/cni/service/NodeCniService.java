package com.packetjourney.cni.service;

import com.packetjourney.cni.domain.DataPath;
import com.packetjourney.cni.domain.PodNetworkSetup;
import com.packetjourney.cni.domain.TargetExchange;
import com.packetjourney.cni.domain.WarmPoolPolicy;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.UnreadableEventException;
import com.packetjourney.contracts.hop.PodResponded;
import com.packetjourney.contracts.k8s.Cluster;
import com.packetjourney.contracts.k8s.Deployment;
import com.packetjourney.contracts.k8s.K8sObject;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.PodNetwork;
import com.packetjourney.contracts.k8s.PodSlowness;
import com.packetjourney.kafka.KeyedWriter;
import com.packetjourney.kafka.WorldChanges;
import com.packetjourney.kafka.WorldTable;
import com.packetjourney.kafka.WorldWriter;
import inet.ipaddr.IPAddressString;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The last hop: the ALB's request crosses the VPC to the node whose ENI holds the target address, the node's host
 * route and the pod's veth, and the server in the pod answers, as slowly as the pod has been made. The addresses
 * come from the VPC CNI's control loop ({@link CniReconciler}). Thread-safe: world updates, REST calls and hops
 * come from different threads.
 */
@Singleton
public class NodeCniService {
    private static final String RUNNING = "Running";

    private final Clock wallClock;
    private final WorldChanges changes;
    private final CniReconciler cni;
    private final WorldTable<K8sObject> manifests = new WorldTable<>();
    /** Extra answer time of slow pods, by namespace/name. */
    private final Map<String, Long> slowness = new HashMap<>();

    /** The warm pool targets are aws-node's settings (WARM_ENI_TARGET and the like), here configuration. */
    @Inject
    public NodeCniService(Clock wallClock, KeyedWriter writer, WorldChanges changes,
                          @ConfigProperty(name = "pj.cni.warm-eni-target", defaultValue = "1") int warmEniTarget,
                          @ConfigProperty(name = "pj.cni.warm-ip-target", defaultValue = "0") int warmIpTarget,
                          @ConfigProperty(name = "pj.cni.minimum-ip-target", defaultValue = "0") int minimumIpTarget) {
        this(wallClock, writer::sendAndWait, changes,
                new WarmPoolPolicy(warmEniTarget, warmIpTarget, minimumIpTarget));
    }

    public NodeCniService(Clock wallClock, WorldWriter writer, WorldChanges changes, WarmPoolPolicy policy) {
        this.wallClock = wallClock;
        this.changes = changes;
        this.cni = new CniReconciler(writer, policy);
    }

    /** The control loop that gives pods their addresses. */
    public CniReconciler cni() {
        return cni;
    }

    /** The cluster's manifests, as read from the world: clusters (their VPC) and deployments (their image). */
    public WorldTable<K8sObject> manifests() {
        return manifests;
    }

    /** Slowness ordered through {@link #slowDown}, read back from its log (also after a restart). */
    public synchronized void onPodSlowness(String key, PodSlowness value) {
        if (value == null || value.micros() == 0) {
            slowness.remove(key);
        } else {
            slowness.put(key, value.micros());
        }
    }

    /**
     * Makes the application in a live pod answer {@code micros} later (0: normally again): the order is written to
     * the world log and applies to the journeys that reach the pod once read back.
     *
     * @throws Refused for a negative time or a pod that is not live
     */
    public WorldChanges.Applied<PodSlowness> slowDown(String namespace, String pod, long micros) {
        if (micros < 0) {
            throw Refused.invalid("micros", "must not be negative, got " + micros);
        }
        changes.awaitRead();
        if (!cni.hasPod(namespace + "/" + pod)) {
            throw Refused.unknown("name", "pods \"" + pod + "\" not found in namespace " + namespace);
        }
        PodSlowness order = new PodSlowness(namespace, pod, micros);
        return changes.publish(Topics.WORLD_POD_SLOWNESS, order.key(), order);
    }

    /** The slowness node-cni applies to the pod now (0: none), as read back from its log. */
    public synchronized PodSlowness slowness(String namespace, String pod) {
        return new PodSlowness(namespace, pod, slowness.getOrDefault(namespace + "/" + pod, 0L));
    }

    /** alb → pod: from the VPC route table through the node's ENI and the pod's veth to the server in the pod. */
    public synchronized HopEvent handle(HopEvent in) {
        if (in.context().targetIp() == null || in.context().targetPort() == null) {
            throw new UnreadableEventException("a successful alb.forwarded event without a target");
        }
        String ip = in.context().targetIp();
        int port = in.context().targetPort();
        List<String> steps = new ArrayList<>();
        Optional<Cluster> cluster = clusterOwning(ip);
        String vpc = cluster.map(Cluster::vpcId).orElse("the VPC");
        cluster.ifPresent(c -> steps.add("VPC route table " + DataPath.routeTableId(cni.seed(), c.vpcId()) + ": "
                + c.vpcCidr() + " -> local"));

        PodNetwork network = cni.networkOwning(ip).orElse(null);
        if (network == null) {
            steps.add("no ENI in " + vpc + " holds " + ip + " for a pod: the ALB's SYN to " + ip + ":" + port
                    + " is never answered");
            PodResponded payload = new PodResponded(null, null, null, null, null, ip, null, null, null, steps, 0,
                    null, null, null, null);
            TargetExchange timedOut = TargetExchange.unanswered(ip + ":" + port);
            return in.next(timedOut.elapsedMicros(), wallClock.instant(), Outcome.failed(FailureCode.POD_NOT_FOUND,
                    "no pod owns " + ip + " in " + vpc + ": " + timedOut.explanation()), in.context(), payload);
        }

        Node node = cni.nodeNamed(network.node()).orElse(null);
        Pod pod = cni.pod(network.key()).orElse(null);
        String zone = node == null ? null : node.availabilityZone();
        steps.add("ENI " + network.eni() + " (eth" + network.eniIndex() + " of " + network.node() + ") owns " + ip);
        steps.add("host route: " + network.hostRoute());
        PodNetworkSetup.policyRule(ip, network.eniIndex()).ifPresent(rule -> steps.add("policy rule: " + rule));
        steps.add("veth " + network.vethHost() + " -> " + network.vethPod() + " in netns " + network.netns());
        long latency = DataPath.fabricMicros(in.context().loadBalancerZone(), zone) + DataPath.VETH_MICROS;
        String image = pod == null ? null : imageOf(pod);
        String program = DataPath.serverName(image);
        int containerPort = pod == null ? 0 : pod.containerPort();

        String refusal = null;
        if (pod == null || !RUNNING.equals(pod.phase()) || !pod.ready()) {
            refusal = pod == null ? "the pod is gone" : "the pod is " + pod.phase() + (pod.ready() ? "" : ", not ready");
        } else if (port != containerPort) {
            refusal = program + " listens on port " + containerPort;
        }
        if (refusal != null) {
            steps.add("nothing listens on " + ip + ":" + port + " (" + refusal + "): the kernel answers the SYN with RST");
            PodResponded payload = new PodResponded(network.node(), node == null ? null : node.internalIp(), zone,
                    network.eni(), network.pod(), ip, network.netns(), network.vethHost(), network.vethPod(), steps,
                    containerPort, null, null, null, network.eventId(), network.eniAttachment());
            return in.next(latency, wallClock.instant(), Outcome.failed(FailureCode.POD_NOT_LISTENING,
                    network.key() + " reset the connection to " + ip + ":" + port + " (" + refusal
                            + "), so the ALB answers 502 Bad Gateway"), in.context(), payload);
        }

        String server = DataPath.serverHeader(image);
        steps.add(program + " accepted the connection on " + ip + ":" + port);
        long slow = slowness.getOrDefault(network.key(), 0L);
        if (slow > 0) {
            steps.add(program + " took " + slow + " µs longer than usual to answer (the pod was made slow)");
        }
        TargetExchange exchange = TargetExchange.answered(ip + ":" + port, 200,
                latency + DataPath.SERVER_HANDLING_MICROS + slow, TargetExchange.DEFAULT_IDLE_TIMEOUT_MICROS);
        if (exchange.status() == 504) {
            steps.add("nothing came back within the load balancer's idle timeout: the ALB gives up");
            PodResponded payload = new PodResponded(network.node(), node == null ? null : node.internalIp(), zone,
                    network.eni(), network.pod(), ip, network.netns(), network.vethHost(), network.vethPod(), steps,
                    containerPort, server, null, null, network.eventId(), network.eniAttachment());
            return in.next(exchange.elapsedMicros(), wallClock.instant(), Outcome.failed(FailureCode.POD_TIMED_OUT,
                    exchange.explanation()), in.context(), payload);
        }
        steps.add(server + " answered HTTP/1.1 200 OK");
        PodResponded payload = new PodResponded(network.node(), node == null ? null : node.internalIp(), zone,
                network.eni(), network.pod(), ip, network.netns(), network.vethHost(), network.vethPod(), steps,
                containerPort, server, 200, "HTTP/1.1 200 OK", network.eventId(), network.eniAttachment());
        return in.next(latency + DataPath.SERVER_HANDLING_MICROS + slow, wallClock.instant(), Outcome.ok(),
                in.context(), payload);
    }

    /** The cluster whose VPC holds the address (or the only cluster). */
    private Optional<Cluster> clusterOwning(String ip) {
        List<Cluster> clusters = manifests.values().stream().filter(Cluster.class::isInstance)
                .map(Cluster.class::cast).toList();
        return clusters.stream().filter(c -> new IPAddressString(c.vpcCidr()).contains(new IPAddressString(ip)))
                .findFirst().or(() -> clusters.size() == 1 ? Optional.of(clusters.get(0)) : Optional.empty());
    }

    /** The image of the pod's Deployment; the pod's owner is its ReplicaSet, "&lt;deployment&gt;-&lt;hash&gt;". */
    private String imageOf(Pod pod) {
        String replicaSet = pod.owner() == null ? "" : pod.owner().substring(pod.owner().indexOf('/') + 1);
        if (!replicaSet.contains("-")) {
            return null;
        }
        String deployment = replicaSet.substring(0, replicaSet.lastIndexOf('-'));
        K8sObject object = manifests.get("Deployment/" + pod.namespace() + "/" + deployment);
        return object instanceof Deployment d ? d.image() : null;
    }

}
