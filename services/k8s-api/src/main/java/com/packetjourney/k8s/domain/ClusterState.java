package com.packetjourney.k8s.domain;

import com.packetjourney.contracts.k8s.Deployment;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.PodNetwork;
import com.packetjourney.contracts.k8s.WatchEvent;

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
 * What the API server stores: nodes, deployments, pods and the networks the CNI gave them. {@link #reconcile()}
 * runs the controllers (ReplicaSet, scheduler, pod status) once over the whole state and returns the pod watch
 * events that bring the stored pods to where the cluster should be.
 */
public final class ClusterState {
    public static final String PENDING = "Pending";
    public static final String RUNNING = "Running";
    public static final String TERMINATING = "Terminating";

    /** A write to the pod log: a watch event, or a tombstone ({@code event} null) once the pod is gone. */
    public record PodChange(String key, WatchEvent<Pod> event) {
    }

    private final Map<String, Node> nodes = new TreeMap<>();
    private final Map<String, Deployment> deployments = new TreeMap<>();
    /** Live pods by namespace/name, in the order they were created (or read back). */
    private final Map<String, Pod> pods = new LinkedHashMap<>();
    private final Map<String, PodNetwork> networks = new HashMap<>();
    /** Every pod name ever seen per namespace, live or deleted, so a name is never given twice. */
    private final Map<String, Set<String>> usedNames = new HashMap<>();
    private ReplicaSetController controller = new ReplicaSetController(0);
    private long resourceVersion;

    public void setSeed(long seed) {
        controller = new ReplicaSetController(seed);
    }

    public void putNode(Node node) {
        nodes.put(node.name(), node);
    }

    public void removeNode(String name) {
        nodes.remove(name);
    }

    public void putDeployment(Deployment d) {
        deployments.put(d.namespace() + "/" + d.name(), d);
    }

    public void removeDeployment(String namespace, String name) {
        deployments.remove(namespace + "/" + name);
    }

    public void putNetwork(String key, PodNetwork network) {
        if (network == null) {
            networks.remove(key);
        } else {
            networks.put(key, network);
        }
    }

    /** Reads back a pod log record (after a restart): the pod as last written, or gone. */
    public void restorePod(String key, WatchEvent<Pod> event) {
        int slash = key.indexOf('/');
        usedNames.computeIfAbsent(key.substring(0, slash), ns -> new HashSet<>()).add(key.substring(slash + 1));
        if (event == null || WatchEvent.DELETED.equals(event.type())) {
            pods.remove(key);
        } else {
            pods.put(key, event.object());
        }
        if (event != null) {
            resourceVersion = Math.max(resourceVersion, event.object().resourceVersion());
        }
    }

    public Optional<Deployment> deployment(String namespace, String name) {
        return Optional.ofNullable(deployments.get(namespace + "/" + name));
    }

    public List<Pod> pods() {
        return List.copyOf(pods.values());
    }

    public List<Node> nodes() {
        return List.copyOf(nodes.values());
    }

    public List<NodeStatus> nodeStatuses() {
        return nodes.values().stream().map(n -> NodeStatus.of(n, pods.values().stream()
                .filter(p -> n.name().equals(p.node())).map(Pod::key).toList())).toList();
    }

    public List<PodChange> reconcile() {
        List<PodChange> changes = new ArrayList<>();
        for (Pod pod : List.copyOf(pods.values())) {
            boolean nodeGone = pod.node() != null && !nodes.containsKey(pod.node());
            if (TERMINATING.equals(pod.phase()) || nodeGone || !ownedByCurrentReplicaSet(pod)) {
                delete(pod, changes);
            }
        }
        List<String> created = new ArrayList<>();
        for (Deployment d : deployments.values()) {
            String owner = ReplicaSetController.owner(controller.replicaSetName(d));
            List<Pod> owned = pods.values().stream()
                    .filter(p -> p.namespace().equals(d.namespace()) && owner.equals(p.owner())).toList();
            if (owned.size() > d.replicas()) {
                controller.podsToDelete(owned, d.replicas()).forEach(p -> delete(p, changes));
            } else {
                created.addAll(create(d, d.replicas() - owned.size()));
            }
        }
        schedule(created, changes);
        markNetworkedPodsRunning(changes);
        return changes;
    }

    private boolean ownedByCurrentReplicaSet(Pod pod) {
        if (pod.owner() == null || !pod.owner().startsWith(ReplicaSetController.OWNER_KIND)) {
            return false;
        }
        String replicaSet = pod.owner().substring(ReplicaSetController.OWNER_KIND.length());
        Deployment d = deployments.get(pod.namespace() + "/" + ReplicaSetController.deploymentOf(replicaSet));
        return d != null && controller.replicaSetName(d).equals(replicaSet);
    }

    private List<String> create(Deployment d, int count) {
        String replicaSet = controller.replicaSetName(d);
        Set<String> used = usedNames.computeIfAbsent(d.namespace(), ns -> new HashSet<>());
        List<String> keys = new ArrayList<>();
        for (String name : controller.newPodNames(replicaSet, count, used)) {
            used.add(name);
            Pod pod = new Pod(d.namespace(), name, ReplicaSetController.owner(replicaSet), d.labels(), null,
                    PENDING, null, false, d.containerPort(), 0, null);
            pods.put(pod.key(), pod);
            keys.add(pod.key());
        }
        return keys;
    }

    /** Binds every unscheduled pod it can; new pods are announced (ADDED) whether they found a node or not. */
    private void schedule(List<String> created, List<PodChange> changes) {
        for (Pod pod : List.copyOf(pods.values())) {
            if (pod.node() != null) {
                continue;
            }
            Scheduler.Decision decision = Scheduler.schedule(pod.owner(), nodes.values(), pods.values());
            Pod next = new Pod(pod.namespace(), pod.name(), pod.owner(), pod.labels(), decision.node().orElse(null),
                    PENDING, null, false, pod.containerPort(), pod.resourceVersion(), decision.message());
            boolean isNew = created.contains(pod.key());
            if (isNew || !next.equals(pod)) {
                emit(isNew ? WatchEvent.ADDED : WatchEvent.MODIFIED, next, changes);
            }
        }
    }

    /** A pod is Running and ready once the CNI has given it its network on the node it is bound to. */
    private void markNetworkedPodsRunning(List<PodChange> changes) {
        for (Pod pod : List.copyOf(pods.values())) {
            PodNetwork network = networks.get(pod.key());
            if (PENDING.equals(pod.phase()) && pod.node() != null && network != null
                    && pod.node().equals(network.node())) {
                emit(WatchEvent.MODIFIED, new Pod(pod.namespace(), pod.name(), pod.owner(), pod.labels(), pod.node(),
                        RUNNING, network.podIp(), true, pod.containerPort(), 0, null), changes);
            }
        }
    }

    private void delete(Pod pod, List<PodChange> changes) {
        Pod terminating = new Pod(pod.namespace(), pod.name(), pod.owner(), pod.labels(), pod.node(), TERMINATING,
                pod.podIp(), false, pod.containerPort(), 0, pod.message());
        emit(WatchEvent.MODIFIED, terminating, changes);
        emit(WatchEvent.DELETED, pods.get(pod.key()), changes);
        pods.remove(pod.key());
        changes.add(new PodChange(pod.key(), null));
    }

    /** Stores the pod under the next resource version and records the watch event. */
    private void emit(String type, Pod pod, List<PodChange> changes) {
        Pod versioned = new Pod(pod.namespace(), pod.name(), pod.owner(), pod.labels(), pod.node(), pod.phase(),
                pod.podIp(), pod.ready(), pod.containerPort(), ++resourceVersion, pod.message());
        pods.put(versioned.key(), versioned);
        changes.add(new PodChange(versioned.key(), new WatchEvent<>(type, versioned)));
    }
}
