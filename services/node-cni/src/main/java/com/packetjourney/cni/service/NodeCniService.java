package com.packetjourney.cni.service;

import com.packetjourney.cni.domain.DataPath;
import com.packetjourney.cni.domain.Eni;
import com.packetjourney.cni.domain.Ipamd;
import com.packetjourney.cni.domain.PodNetworkSetup;
import com.packetjourney.cni.domain.Subnet;
import com.packetjourney.cni.domain.TargetExchange;
import com.packetjourney.cni.domain.WarmPoolPolicy;
import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.UnreadableEventException;
import com.packetjourney.contracts.hop.AlbForwarded;
import com.packetjourney.contracts.hop.PodResponded;
import com.packetjourney.contracts.k8s.Cluster;
import com.packetjourney.contracts.k8s.Deployment;
import com.packetjourney.contracts.k8s.EniAttachment;
import com.packetjourney.contracts.k8s.InstanceLimits;
import com.packetjourney.contracts.k8s.K8sObject;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.PodNetwork;
import com.packetjourney.contracts.k8s.PodSlowness;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.Simulation;
import inet.ipaddr.IPAddressString;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The VPC CNI of every node: gives each pod bound to a node an address from that node's ipamd and publishes the
 * pod's network (or, when ipamd has no address, the CNI's failure, which the API server shows on the pending pod),
 * publishes the ENIs ipamd attaches, releases an address when its pod is deleted, and delivers the ALB's request to
 * the pod that owns the target address (the last hop), as slowly as the pod has been made. Networks and ENIs
 * already published are read back at start so addresses stay stable, and nothing is handed out before the seed is
 * known (ENI ids and network namespaces derive from it). Thread-safe: world updates, REST calls and hops come from
 * different threads.
 */
public class NodeCniService {
    private static final Logger LOG = Logger.getLogger(NodeCniService.class);
    private static final String RUNNING = "Running";
    private static final String TERMINATING = "Terminating";

    /** Writes a keyed record to a topic; a null value is a tombstone. */
    @FunctionalInterface
    public interface WorldWriter {
        void write(String topic, String key, Object value);
    }

    /**
     * One node's ipamd as "aws-node" would describe it: its warm pool policy, its ENIs and the pods bound to it that
     * got no address.
     */
    public record NodeView(String name, String instanceType, String availabilityZone, String internalIp,
                           String subnet, int maxPods, List<EniView> enis, String warmPool,
                           List<String> podsWithoutAddress) {
    }

    /**
     * One ENI: the pod of each assigned address, the addresses still free, and for an ENI ipamd attached, why and
     * the id of its attachment event.
     */
    public record EniView(String id, String device, int deviceIndex, String primaryIp, Map<String, String> assigned,
                          List<String> free, String attachedBecause, String attachmentEventId) {
    }

    private final Clock wallClock;
    private final WorldWriter writer;
    private final WarmPoolPolicy policy;
    private final Map<String, K8sObject> manifests = new HashMap<>();
    private final Map<String, Node> nodes = new TreeMap<>();
    /** Live pods by namespace/name, in the order the API server announced them. */
    private final Map<String, Pod> pods = new LinkedHashMap<>();
    private final Map<String, PodNetwork> networks = new LinkedHashMap<>();
    /** The published failures of pods ipamd had no address for, by namespace/name. */
    private final Map<String, PodNetwork> failures = new LinkedHashMap<>();
    /** The ENI attachments on their topic, by key: read back at start, then kept as written. */
    private final Map<String, EniAttachment> publishedEnis = new TreeMap<>();
    /** Extra answer time of slow pods, by namespace/name. */
    private final Map<String, Long> slowness = new HashMap<>();
    private final Map<String, Subnet> subnets = new HashMap<>();
    private final Map<String, Ipamd> ipamds = new TreeMap<>();
    /** Nodes already reported as getting no ipamd, so each is logged once. */
    private final Set<String> reportedNodes = new HashSet<>();
    private long seed;
    private boolean caughtUp;
    private boolean seedKnown;
    private boolean reconciling;

    public NodeCniService(Clock wallClock, WorldWriter writer, WarmPoolPolicy policy) {
        this.wallClock = wallClock;
        this.writer = writer;
        this.policy = policy;
    }

    /** ENI ids and network namespaces derive from the seed; a deleted simulation record keeps the last one. */
    public synchronized void onSimulation(Simulation simulation) {
        if (simulation != null) {
            seed = simulation.seed();
            seedKnown = true;
            start();
        }
    }

    public synchronized void onManifest(String key, K8sObject object) {
        if (object == null) {
            manifests.remove(key);
        } else {
            manifests.put(key, object);
        }
    }

    public synchronized void onNode(String name, Node node) {
        if (node == null) {
            nodes.remove(name);
        } else {
            nodes.put(name, node);
        }
        reconcile();
    }

    public synchronized void onPodEvent(String key, WatchEvent<Pod> event) {
        if (event == null || WatchEvent.DELETED.equals(event.type())) {
            pods.remove(key);
        } else {
            pods.put(key, event.object());
        }
        reconcile();
    }

    /** A record of this service's own network log; only read back at start, afterwards this service writes it. */
    public synchronized void onPodNetwork(String key, PodNetwork network) {
        if (caughtUp) {
            return;
        }
        networks.remove(key);
        failures.remove(key);
        if (network != null && network.failure() != null) {
            failures.put(key, network);
        } else if (network != null) {
            networks.put(key, network);
        }
    }

    /** A record of this service's own ENI log; only read back at start, like the networks. */
    public synchronized void onEniAttachment(String key, EniAttachment attachment) {
        if (caughtUp) {
            return;
        }
        if (attachment == null) {
            publishedEnis.remove(key);
        } else {
            publishedEnis.put(key, attachment);
        }
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
     * Makes the application in a live pod answer {@code micros} later (0: normally again) by writing the order to
     * the world log; it applies once read back. Empty when no such pod is live.
     */
    public synchronized Optional<PodSlowness> slowDown(String namespace, String pod, long micros) {
        if (micros < 0) {
            throw new IllegalArgumentException("micros must not be negative, got " + micros);
        }
        if (!pods.containsKey(namespace + "/" + pod)) {
            return Optional.empty();
        }
        PodSlowness order = new PodSlowness(namespace, pod, micros);
        writer.write(Topics.WORLD_POD_SLOWNESS, order.key(), order);
        return Optional.of(order);
    }

    /** The slowness node-cni applies to the pod now (0: none), as read back from its log. */
    public synchronized PodSlowness slowness(String namespace, String pod) {
        return new PodSlowness(namespace, pod, slowness.getOrDefault(namespace + "/" + pod, 0L));
    }

    /** Called once the logs have been read up to where they stood at start. */
    public synchronized void startReconciling() {
        caughtUp = true;
        start();
    }

    /**
     * Starts handing out addresses once the logs are read back and the seed is known. Every address held before is
     * taken first, so no node's warm pool can draw another node's pod address, then each ipamd gets its pods back.
     */
    private void start() {
        if (reconciling || !caughtUp || !seedKnown) {
            return;
        }
        reconciling = true;
        nodes.values().forEach(n -> subnetOf(n).take(n.internalIp()));
        for (PodNetwork network : networks.values()) {
            Node node = nodes.get(network.node());
            if (node != null) {
                subnetOf(node).take(network.podIp());
            }
        }
        nodes.values().forEach(this::startIpamd);
        reconcile();
    }

    private void reconcile() {
        if (!reconciling) {
            return;
        }
        for (String name : List.copyOf(ipamds.keySet())) {
            if (!nodes.containsKey(name)) {
                ipamds.remove(name).detachAll();
            }
        }
        nodes.values().stream().filter(n -> !ipamds.containsKey(n.name())).forEach(this::startIpamd);
        for (PodNetwork network : List.copyOf(networks.values())) {
            if (!pods.containsKey(network.key())) {
                release(network);
            }
        }
        for (String key : List.copyOf(failures.keySet())) {
            if (!pods.containsKey(key)) {
                failures.remove(key);
                writer.write(Topics.CNI_POD_NETWORKS, key, null);
            }
        }
        for (Pod pod : pods.values()) {
            if (pod.node() != null && !pod.hostNetwork() && !TERMINATING.equals(pod.phase())
                    && !networks.containsKey(pod.key()) && ipamds.containsKey(pod.node())) {
                assign(pod, ipamds.get(pod.node()));
            }
        }
        publishEnis();
    }

    /** Writes the ENI attachments that changed (attached, or given more addresses) and tombstones detached ones. */
    private void publishEnis() {
        Map<String, EniAttachment> desired = new TreeMap<>();
        for (Ipamd ipamd : ipamds.values()) {
            String subnet = subnetOf(nodes.get(ipamd.node())).cidr();
            for (Eni eni : ipamd.enis()) {
                if (eni.isPrimary()) {
                    continue;
                }
                EniAttachment attachment = eni.toAttachment(ipamd.node(), subnet);
                EniAttachment before = publishedEnis.get(attachment.key());
                if (attachment.reason() == null && before != null && before.eni().equals(attachment.eni())) {
                    // an ENI restored after a restart: why it was attached is only in its log
                    attachment = new EniAttachment(attachment.node(), attachment.eni(), attachment.deviceIndex(),
                            attachment.subnetCidr(), attachment.primaryIp(), attachment.secondaryIps(),
                            before.reason(), attachment.eventId());
                }
                desired.put(attachment.key(), attachment);
            }
        }
        desired.forEach((key, attachment) -> {
            if (!attachment.equals(publishedEnis.get(key))) {
                publishedEnis.put(key, attachment);
                writer.write(Topics.CNI_ENIS, key, attachment);
            }
        });
        for (String key : List.copyOf(publishedEnis.keySet())) {
            if (!desired.containsKey(key)) {
                publishedEnis.remove(key);
                writer.write(Topics.CNI_ENIS, key, null);
            }
        }
    }

    private void startIpamd(Node node) {
        Optional<InstanceLimits> limits = InstanceLimits.of(node.instanceType());
        if (limits.isEmpty()) {
            if (reportedNodes.add(node.name())) {
                LOG.errorf("node %s: no ENI limits known for instance type %s, its pods get no address",
                        node.name(), node.instanceType());
            }
            return;
        }
        Subnet subnet = subnetOf(node);
        subnet.take(node.internalIp());
        Ipamd ipamd = new Ipamd(node.name(), node.internalIp(), limits.get(), subnet, policy,
                deviceIndex -> Eni.idFor(seed, node.name(), deviceIndex));
        networks.values().stream().filter(n -> n.node().equals(node.name()))
                .forEach(n -> ipamd.restore(n.key(), n.podIp(), n.eniIndex()));
        ipamd.warmUp();
        ipamds.put(node.name(), ipamd);
    }

    private void assign(Pod pod, Ipamd ipamd) {
        Optional<Ipamd.Assignment> assignment = ipamd.assign(pod.key());
        if (assignment.isEmpty()) {
            PodNetwork failure = PodNetworkSetup.failed(pod.namespace(), pod.name(), pod.node(), Ipamd.NO_IP_ERROR);
            if (!failure.equals(failures.put(pod.key(), failure))) {
                LOG.errorf("pod %s on %s: %s (all %d ENIs of %s are full)", pod.key(), pod.node(), Ipamd.NO_IP_ERROR,
                        ipamd.limits().enis(), ipamd.limits().instanceType());
                writer.write(Topics.CNI_POD_NETWORKS, pod.key(), failure);
            }
            return;
        }
        failures.remove(pod.key());
        PodNetwork network = PodNetworkSetup.setUp(seed, pod.namespace(), pod.name(), pod.node(), assignment.get());
        networks.put(pod.key(), network);
        writer.write(Topics.CNI_POD_NETWORKS, pod.key(), network);
    }

    private void release(PodNetwork network) {
        Ipamd ipamd = ipamds.get(network.node());
        if (ipamd != null) {
            ipamd.release(network.key());
        }
        networks.remove(network.key());
        writer.write(Topics.CNI_POD_NETWORKS, network.key(), null);
    }

    private Subnet subnetOf(Node node) {
        return subnets.computeIfAbsent(new Subnet(node.subnetCidr()).cidr(), Subnet::new);
    }

    /** alb → pod: from the VPC route table through the node's ENI and the pod's veth to the server in the pod. */
    public synchronized HopEvent handle(HopEvent in) {
        if (!in.outcome().isOk()) {
            return null;
        }
        if (!(in.payload() instanceof AlbForwarded alb)) {
            throw new UnreadableEventException("expected an alb.forwarded event, got " + in.hopType().wireName());
        }
        if (alb.target() == null && (in.context().targetIp() == null || in.context().targetPort() == null)) {
            throw new UnreadableEventException("a successful alb.forwarded event without a target");
        }
        String ip = alb.target() != null ? alb.target().ip() : in.context().targetIp();
        int port = alb.target() != null ? alb.target().port() : in.context().targetPort();
        List<String> steps = new ArrayList<>();
        Optional<Cluster> cluster = clusterOwning(ip);
        String vpc = cluster.map(Cluster::vpcId).orElse("the VPC");
        cluster.ifPresent(c -> steps.add("VPC route table " + DataPath.routeTableId(seed, c.vpcId()) + ": "
                + c.vpcCidr() + " -> local"));

        PodNetwork network = networks.values().stream().filter(n -> n.podIp().equals(ip)).findFirst().orElse(null);
        if (network == null) {
            steps.add("no ENI in " + vpc + " holds " + ip + " for a pod: the ALB's SYN to " + ip + ":" + port
                    + " is never answered");
            PodResponded payload = new PodResponded(null, null, null, null, null, ip, null, null, null, steps, 0,
                    null, null, null, null);
            TargetExchange timedOut = TargetExchange.unanswered(ip + ":" + port);
            return in.next(timedOut.elapsedMicros(), wallClock.instant(), Outcome.failed(FailureCode.POD_NOT_FOUND,
                    "no pod owns " + ip + " in " + vpc + ": " + timedOut.explanation()), in.context(), payload);
        }

        Node node = nodes.get(network.node());
        Pod pod = pods.get(network.key());
        String zone = node == null ? null : node.availabilityZone();
        steps.add("ENI " + network.eni() + " (eth" + network.eniIndex() + " of " + network.node() + ") owns " + ip);
        steps.add("host route: " + network.hostRoute());
        PodNetworkSetup.policyRule(ip, network.eniIndex()).ifPresent(rule -> steps.add("policy rule: " + rule));
        steps.add("veth " + network.vethHost() + " -> " + network.vethPod() + " in netns " + network.netns());
        long latency = DataPath.fabricMicros(alb.availabilityZone(), zone) + DataPath.VETH_MICROS;
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

    public synchronized List<NodeView> nodes() {
        return nodes.values().stream().map(this::view).toList();
    }

    public synchronized Optional<NodeView> node(String name) {
        return Optional.ofNullable(nodes.get(name)).map(this::view);
    }

    private NodeView view(Node node) {
        Ipamd ipamd = ipamds.get(node.name());
        List<EniView> enis = ipamd == null ? List.of() : ipamd.enis().stream().map(e -> new EniView(e.id(),
                e.device(), e.deviceIndex(), e.primaryIp(), ipamd.assignedOn(e), ipamd.freeOn(e),
                e.isPrimary() ? null : publishedReason(node.name(), e),
                e.isPrimary() ? null : Eni.attachmentEventId(node.name(), e.id()))).toList();
        int maxPods = InstanceLimits.of(node.instanceType()).map(InstanceLimits::maxPods).orElse(0);
        List<String> waiting = failures.values().stream().filter(f -> node.name().equals(f.node()))
                .map(PodNetwork::key).toList();
        return new NodeView(node.name(), node.instanceType(), node.availabilityZone(), node.internalIp(),
                node.subnetCidr(), maxPods, enis, policy.describe(), waiting);
    }

    private String publishedReason(String node, Eni eni) {
        EniAttachment published = publishedEnis.get(node + "/" + eni.device());
        return published != null ? published.reason() : eni.reason();
    }
}
