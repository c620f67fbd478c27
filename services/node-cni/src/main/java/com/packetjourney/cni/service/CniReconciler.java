package com.packetjourney.cni.service;

import com.packetjourney.cni.domain.Eni;
import com.packetjourney.cni.domain.Ipamd;
import com.packetjourney.cni.domain.PodNetworkSetup;
import com.packetjourney.cni.domain.Subnet;
import com.packetjourney.cni.domain.WarmPoolPolicy;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.k8s.EniAttachment;
import com.packetjourney.contracts.k8s.InstanceLimits;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.PodNetwork;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.kafka.WorldWriter;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The VPC CNI's control loop on every node (ipamd): gives each pod bound to a node an address from that node's warm
 * pool and publishes the pod's network (or, when ipamd has no address, the CNI's failure, which the API server shows
 * on the pending pod), publishes the ENIs ipamd attaches, and releases an address when its pod is deleted. Networks
 * and ENIs already published are read back at start so addresses stay stable, and nothing is handed out before the
 * seed is known (ENI ids and network namespaces derive from it). Thread-safe: world records and queries come from
 * different threads.
 */
public class CniReconciler {
    private static final Logger LOG = Logger.getLogger(CniReconciler.class);
    private static final String TERMINATING = "Terminating";

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

    private final WorldWriter writer;
    private final WarmPoolPolicy policy;
    private final Map<String, Node> nodes = new TreeMap<>();
    /** Live pods by namespace/name, in the order the API server announced them. */
    private final Map<String, Pod> pods = new LinkedHashMap<>();
    private final Map<String, PodNetwork> networks = new LinkedHashMap<>();
    /** The published failures of pods ipamd had no address for, by namespace/name. */
    private final Map<String, PodNetwork> failures = new LinkedHashMap<>();
    /** The ENI attachments on their topic, by key: read back at start, then kept as written. */
    private final Map<String, EniAttachment> publishedEnis = new TreeMap<>();
    private final Map<String, Subnet> subnets = new HashMap<>();
    private final Map<String, Ipamd> ipamds = new TreeMap<>();
    /** Nodes already reported as getting no ipamd, so each is logged once. */
    private final Set<String> reportedNodes = new HashSet<>();
    private long seed;
    private boolean caughtUp;
    private boolean seedKnown;
    private boolean reconciling;

    public CniReconciler(WorldWriter writer, WarmPoolPolicy policy) {
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

    /** The network of the pod that owns {@code ip}, if a pod does. */
    public synchronized Optional<PodNetwork> networkOwning(String ip) {
        return networks.values().stream().filter(n -> n.podIp().equals(ip)).findFirst();
    }

    public synchronized Optional<Node> nodeNamed(String name) {
        return Optional.ofNullable(nodes.get(name));
    }

    /** The live pod by namespace/name. */
    public synchronized Optional<Pod> pod(String key) {
        return Optional.ofNullable(pods.get(key));
    }

    public synchronized boolean hasPod(String key) {
        return pods.containsKey(key);
    }

    public synchronized long seed() {
        return seed;
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
