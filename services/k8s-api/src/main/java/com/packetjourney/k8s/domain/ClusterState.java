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
 * What the API server stores: nodes, deployments, pods and the networks the CNI gave them (or the CNI's error).
 * {@link #reconcile()} runs the controllers (DaemonSets, Deployment rolling updates, ReplicaSet, scheduler, pod
 * status) once over the whole state and returns the pod watch events that bring the stored pods to where the
 * cluster should be. {@link #installEksAddOns} adds what EKS runs in every cluster (aws-node, kube-proxy, CoreDNS).
 */
public final class ClusterState {
    public static final String PENDING = "Pending";
    public static final String RUNNING = "Running";
    public static final String TERMINATING = "Terminating";
    /** How the kubelet reports a pod sandbox the CNI could not set up; the pod stays ContainerCreating. */
    public static final String SANDBOX_FAILED = "Failed to create pod sandbox: ";
    /**
     * The condition type prefix of the readiness gate the AWS Load Balancer Controller injects into pods of a
     * namespace labelled elbv2.k8s.aws/pod-readiness-gate-inject=enabled; it turns True once the pod's target is
     * healthy in its target group.
     */
    public static final String TARGET_HEALTH_GATE = "target-health.elbv2.k8s.aws";
    /** Why the kubelet keeps a running pod with an unsatisfied readiness gate not ready. */
    public static final String GATE_NOT_READY = "ReadinessGatesNotReady: the condition " + TARGET_HEALTH_GATE
            + " is not True (its target is not healthy yet)";

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
    private List<EksAddOns.DaemonSet> daemonSets = List.of();
    /** Namespaces whose pods get the controller's target health readiness gate. */
    private final Set<String> gatedNamespaces = new HashSet<>();
    /** The target health readiness gate of each pod, as the controller last set it. */
    private final Map<String, Boolean> targetHealthy = new HashMap<>();
    private long resourceVersion;

    public void setSeed(long seed) {
        controller = new ReplicaSetController(seed);
    }

    /**
     * Runs EKS's default add-ons from now on: a host-network pod of aws-node and of kube-proxy on every node, and
     * the CoreDNS Deployment. Their images come from EKS's registry in the cluster's region.
     */
    public void installEksAddOns(String region) {
        daemonSets = EksAddOns.daemonSets(region);
        putDeployment(EksAddOns.coreDns(region));
    }

    /** The namespace is labelled elbv2.k8s.aws/pod-readiness-gate-inject=enabled: its pods get the gate. */
    public void injectReadinessGates(String namespace) {
        gatedNamespaces.add(namespace);
    }

    /** The controller set the pod's target health condition: True once its target passed its health checks. */
    public void setTargetHealth(String podKey, boolean healthy) {
        targetHealthy.put(podKey, healthy);
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

    /**
     * Starts deleting a pod, as "kubectl delete pod" does: it is Terminating from now on, and the next
     * {@link #reconcile()} announces and removes it (and lets its ReplicaSet replace it). Empty when no such pod.
     */
    public Optional<Pod> markForDeletion(String namespace, String name) {
        Pod pod = pods.get(namespace + "/" + name);
        if (pod == null) {
            return Optional.empty();
        }
        Pod terminating = pod.with(pod.node(), TERMINATING, pod.podIp(), false, pod.resourceVersion(), pod.message());
        pods.put(terminating.key(), terminating);
        return Optional.of(terminating);
    }

    public Optional<DeploymentStatus> deploymentStatus(String namespace, String name) {
        Deployment d = deployments.get(namespace + "/" + name);
        if (d == null) {
            return Optional.empty();
        }
        String current = controller.replicaSetName(d);
        Map<String, List<Pod>> byReplicaSet = new TreeMap<>();
        podsOf(d).forEach(p -> byReplicaSet.computeIfAbsent(p.owner().substring(ReplicaSetController.OWNER_KIND
                .length()), rs -> new ArrayList<>()).add(p));
        List<Pod> updated = byReplicaSet.getOrDefault(current, List.of());
        List<DeploymentStatus.ReplicaSetStatus> replicaSets = byReplicaSet.entrySet().stream()
                .map(e -> new DeploymentStatus.ReplicaSetStatus(e.getKey(), e.getValue().size(),
                        (int) e.getValue().stream().filter(ClusterState::isAvailable).count())).toList();
        int available = (int) podsOf(d).stream().filter(ClusterState::isAvailable).count();
        int updatedAvailable = (int) updated.stream().filter(ClusterState::isAvailable).count();
        boolean rolledOut = byReplicaSet.keySet().stream().allMatch(current::equals)
                && updated.size() == d.replicas() && updatedAvailable == d.replicas();
        return Optional.of(new DeploymentStatus(d.namespace(), d.name(), d.image(), d.replicas(), updated.size(),
                available, available, current, replicaSets, rolledOut));
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
            boolean ownerGone = deploymentOf(pod).isEmpty() && daemonSetOf(pod).isEmpty();
            if (TERMINATING.equals(pod.phase()) || nodeGone || ownerGone) {
                delete(pod, changes);
            }
        }
        runDaemonSets(changes);
        List<String> created = new ArrayList<>();
        for (Deployment d : deployments.values()) {
            created.addAll(rollOut(d, changes));
        }
        schedule(created, changes);
        markNetworkedPodsRunning(changes);
        return changes;
    }

    /**
     * Each DaemonSet's pod on every node that lacks one, bound to it and Running at once: on the host network it
     * needs no address from the CNI, its address is the node's (kubelet reports hostIP as podIP).
     */
    private void runDaemonSets(List<PodChange> changes) {
        for (Node node : nodes.values()) {
            for (EksAddOns.DaemonSet ds : daemonSets) {
                boolean running = pods.values().stream()
                        .anyMatch(p -> ds.owner().equals(p.owner()) && node.name().equals(p.node()));
                if (!running) {
                    Set<String> used = usedNames.computeIfAbsent(EksAddOns.NAMESPACE, ns -> new HashSet<>());
                    String name = controller.daemonPodName(ds.name(), node.name(), 0);
                    for (int attempt = 1; used.contains(name); attempt++) {
                        name = controller.daemonPodName(ds.name(), node.name(), attempt);
                    }
                    used.add(name);
                    emit(WatchEvent.ADDED, new Pod(EksAddOns.NAMESPACE, name, ds.owner(), ds.labels(), node.name(),
                            RUNNING, node.internalIp(), true, 0, 0, null, true), changes);
                }
            }
        }
    }

    private Optional<EksAddOns.DaemonSet> daemonSetOf(Pod pod) {
        return daemonSets.stream().filter(ds -> ds.owner().equals(pod.owner())).findFirst();
    }

    /** The Deployment whose ReplicaSet (current or an earlier template's) owns the pod. */
    private Optional<Deployment> deploymentOf(Pod pod) {
        if (pod.owner() == null || !pod.owner().startsWith(ReplicaSetController.OWNER_KIND)) {
            return Optional.empty();
        }
        String replicaSet = pod.owner().substring(ReplicaSetController.OWNER_KIND.length());
        return Optional.ofNullable(deployments.get(pod.namespace() + "/"
                + ReplicaSetController.deploymentOf(replicaSet)));
    }

    private List<Pod> podsOf(Deployment d) {
        return pods.values().stream().filter(p -> p.namespace().equals(d.namespace())
                && deploymentOf(p).map(o -> o.name().equals(d.name())).orElse(false)).toList();
    }

    /**
     * The ReplicaSet of the current template gets the Deployment's replicas. While pods of earlier templates remain,
     * it is a rolling update (kubernetes/pkg/controller/deployment/rolling.go), stepped until nothing moves: the new
     * ReplicaSet grows within replicas + maxSurge pods in all; old pods go, unavailable ones first, while at least
     * replicas - maxUnavailable pods stay available. Returns the keys of the pods it created.
     */
    private List<String> rollOut(Deployment d, List<PodChange> changes) {
        String current = ReplicaSetController.owner(controller.replicaSetName(d));
        RollingUpdate strategy = RollingUpdate.defaults(d.replicas());
        List<String> created = new ArrayList<>();
        boolean moved = true;
        while (moved) {
            List<Pod> fresh = podsOf(d).stream().filter(p -> current.equals(p.owner())).toList();
            List<Pod> old = podsOf(d).stream().filter(p -> !current.equals(p.owner())).toList();
            moved = false;
            if (fresh.size() > d.replicas()) {
                controller.podsToDelete(fresh, d.replicas()).forEach(p -> delete(p, changes));
                moved = true;
            } else if (old.isEmpty()) {
                created.addAll(create(d, d.replicas() - fresh.size()));
            } else if (strategy.scaleUp(d.replicas(), fresh.size(), old.size()) > 0) {
                created.addAll(create(d, strategy.scaleUp(d.replicas(), fresh.size(), old.size())));
                moved = true;
            } else {
                moved = scaleDownOld(d, strategy, fresh, old, changes);
            }
        }
        return created;
    }

    /** Deletes the old pods the rollout can spare now; whether it deleted any. */
    private boolean scaleDownOld(Deployment d, RollingUpdate strategy, List<Pod> fresh, List<Pod> old,
                                 List<PodChange> changes) {
        int minAvailable = strategy.minAvailable(d.replicas());
        int freshUnavailable = (int) fresh.stream().filter(p -> !isAvailable(p)).count();
        int maxScaledDown = fresh.size() + old.size() - minAvailable - freshUnavailable;
        if (maxScaledDown <= 0) {
            return false;
        }
        // unavailable old pods cost no availability: they go first
        List<Pod> unhealthy = old.stream().filter(p -> !isAvailable(p)).toList();
        List<Pod> doomed = new ArrayList<>(controller.podsToDelete(unhealthy,
                Math.max(0, unhealthy.size() - maxScaledDown)));
        List<Pod> healthy = old.stream().filter(ClusterState::isAvailable).toList();
        int available = (int) fresh.stream().filter(ClusterState::isAvailable).count() + healthy.size();
        int spare = Math.min(healthy.size(), available - minAvailable);
        if (spare > 0) {
            doomed.addAll(controller.podsToDelete(healthy, healthy.size() - spare));
        }
        doomed.forEach(p -> delete(p, changes));
        return !doomed.isEmpty();
    }

    /** Ready as the kubelet judges it: containers ready, and every readiness gate's condition True. */
    private boolean gateSatisfied(Pod pod) {
        return pod.hostNetwork() || !gatedNamespaces.contains(pod.namespace())
                || targetHealthy.getOrDefault(pod.key(), false);
    }

    /** Running and ready (minReadySeconds is 0): it counts towards the Deployment's availability. */
    private static boolean isAvailable(Pod pod) {
        return RUNNING.equals(pod.phase()) && pod.ready();
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
            Pod next = pod.with(decision.node().orElse(null), PENDING, null, false, pod.resourceVersion(),
                    decision.message());
            boolean isNew = created.contains(pod.key());
            if (isNew || !next.equals(pod)) {
                emit(isNew ? WatchEvent.ADDED : WatchEvent.MODIFIED, next, changes);
            }
        }
    }

    /**
     * A pod is Running once the CNI has given it its network on the node it is bound to, and ready unless a
     * readiness gate still waits for its target's health; when the CNI could not, the pod stays Pending
     * (ContainerCreating) with the CNI's error as its message. A running pod follows its gate.
     */
    private void markNetworkedPodsRunning(List<PodChange> changes) {
        for (Pod pod : List.copyOf(pods.values())) {
            boolean gate = gateSatisfied(pod);
            if (RUNNING.equals(pod.phase()) && pod.ready() != gate) {
                emit(WatchEvent.MODIFIED, pod.with(pod.node(), RUNNING, pod.podIp(), gate, 0,
                        gate ? null : GATE_NOT_READY), changes);
                continue;
            }
            PodNetwork network = networks.get(pod.key());
            if (!PENDING.equals(pod.phase()) || pod.node() == null || network == null
                    || !pod.node().equals(network.node())) {
                continue;
            }
            if (network.failure() == null) {
                emit(WatchEvent.MODIFIED, pod.with(pod.node(), RUNNING, network.podIp(), gate, 0,
                        gate ? null : GATE_NOT_READY), changes);
            } else if (!(SANDBOX_FAILED + network.failure()).equals(pod.message())) {
                emit(WatchEvent.MODIFIED, pod.with(pod.node(), PENDING, null, false, 0,
                        SANDBOX_FAILED + network.failure()), changes);
            }
        }
    }

    private void delete(Pod pod, List<PodChange> changes) {
        Pod terminating = pod.with(pod.node(), TERMINATING, pod.podIp(), false, 0, pod.message());
        emit(WatchEvent.MODIFIED, terminating, changes);
        emit(WatchEvent.DELETED, pods.get(pod.key()), changes);
        pods.remove(pod.key());
        targetHealthy.remove(pod.key());
        changes.add(new PodChange(pod.key(), null));
    }

    /** Stores the pod under the next resource version and records the watch event. */
    private void emit(String type, Pod pod, List<PodChange> changes) {
        Pod versioned = pod.with(pod.node(), pod.phase(), pod.podIp(), pod.ready(), ++resourceVersion,
                pod.message());
        pods.put(versioned.key(), versioned);
        changes.add(new PodChange(versioned.key(), new WatchEvent<>(type, versioned)));
    }
}
