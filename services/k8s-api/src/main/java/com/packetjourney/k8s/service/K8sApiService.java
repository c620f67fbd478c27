package com.packetjourney.k8s.service;

import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.k8s.Deployment;
import com.packetjourney.contracts.k8s.Ingress;
import com.packetjourney.contracts.k8s.K8sObject;
import com.packetjourney.contracts.k8s.Node;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.PodNetwork;
import com.packetjourney.contracts.k8s.Service;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.k8s.domain.ClusterState;
import com.packetjourney.kafka.KeyedWriter;
import com.packetjourney.kafka.WorldChanges;
import com.packetjourney.kafka.WorldWriter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import com.packetjourney.k8s.domain.DeploymentStatus;
import com.packetjourney.k8s.domain.NodeStatus;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The control plane: keeps the cluster state from the manifests and the CNI's pod networks, and once the logs have
 * been read back (so it knows the pods it already created) and the simulation's seed is known (pod names derive from
 * it), writes every pod change as a watch event and mirrors nodes, services and ingresses to their topics when they
 * change. Thread-safe: world updates and REST calls come from different threads.
 */
@Singleton
public class K8sApiService {

    private static final List<String> MIRRORED = List.of(Topics.K8S_NODES, Topics.K8S_SERVICES, Topics.K8S_INGRESSES);

    private final ClusterState cluster = new ClusterState();
    private final Map<String, K8sObject> manifests = new HashMap<>();
    /** What is on each mirrored topic, by key: read back at start, then kept as written. */
    private final Map<String, Map<String, Object>> published = new HashMap<>();
    private final WorldWriter writer;
    private final WorldChanges changes;
    private boolean caughtUp;
    private boolean seedKnown;

    /** {@code writer} writes the control plane's own logs; {@code changes} the world changes of the API. */
    @Inject
    public K8sApiService(KeyedWriter writer, WorldChanges changes) {
        this((WorldWriter) writer::sendAndWait, changes);
    }

    public K8sApiService(WorldWriter writer, WorldChanges changes) {
        this.writer = writer;
        this.changes = changes;
        MIRRORED.forEach(t -> published.put(t, new HashMap<>()));
    }

    /** A deleted simulation record keeps the last seed: renaming every pod would not undo anything. */
    public synchronized void onSimulation(Simulation simulation) {
        if (simulation != null) {
            cluster.setSeed(simulation.seed());
            seedKnown = true;
            reconcile();
        }
    }

    public synchronized void onManifest(String key, K8sObject object) {
        K8sObject old = object == null ? manifests.remove(key) : manifests.put(key, object);
        if (object instanceof Node n) {
            cluster.putNode(n);
        } else if (object instanceof Deployment d) {
            cluster.putDeployment(d);
        } else if (object == null && old instanceof Node n) {
            cluster.removeNode(n.name());
        } else if (object == null && old instanceof Deployment d) {
            cluster.removeDeployment(d.namespace(), d.name());
        }
        reconcile();
    }

    public synchronized void onPodNetwork(String key, PodNetwork network) {
        cluster.putNetwork(key, network);
        reconcile();
    }

    /** A record of this service's own pod log; only read back at start, afterwards this service is its writer. */
    public synchronized void onPodEvent(String key, WatchEvent<Pod> event) {
        if (!caughtUp) {
            cluster.restorePod(key, event);
        }
    }

    /** A record of one of the mirrored topics; only read back at start, like the pod log. */
    public synchronized void onPublished(String topic, String key, Object value) {
        if (!caughtUp) {
            if (value == null) {
                published.get(topic).remove(key);
            } else {
                published.get(topic).put(key, value);
            }
        }
    }

    /** Called once the logs have been read up to where they stood at start: from now on, state changes are written. */
    public synchronized void startReconciling() {
        caughtUp = true;
        reconcile();
    }

    /**
     * Scales a Deployment: written to the world log with its new replica count; the pods change once it has been
     * read back.
     *
     * @throws Refused for a Deployment that does not exist
     */
    public WorldChanges.Applied<Deployment> scale(String namespace, String name, int replicas) {
        return publish(deployment(namespace, name).withReplicas(replicas));
    }

    /**
     * Sets a Deployment's container image ("kubectl set image"): written to the world log; once read back, its new
     * ReplicaSet rolls out and replaces the old pods.
     *
     * @throws Refused for a Deployment that does not exist
     */
    public WorldChanges.Applied<Deployment> setImage(String namespace, String name, String image) {
        return publish(deployment(namespace, name).withImage(image));
    }

    private WorldChanges.Applied<Deployment> publish(Deployment changed) {
        return changes.publish(Topics.WORLD_K8S_MANIFESTS, changed.key(), changed);
    }

    private Deployment deployment(String namespace, String name) {
        return onceRead(() -> cluster.deployment(namespace, name).orElseThrow(() -> noDeployment(namespace, name)));
    }

    /**
     * Deletes a pod ("kubectl delete pod"): it is announced Terminating, then deleted, and its ReplicaSet creates a
     * replacement. The pod log is this service's own, so the change is written at once.
     *
     * @throws Refused for a pod that does not exist
     */
    public Pod deletePod(String namespace, String name) {
        return onceRead(() -> {
            Pod terminating = cluster.markForDeletion(namespace, name).orElseThrow(() -> Refused.unknown("name",
                    "pods \"" + name + "\" not found in namespace " + namespace));
            reconcile();
            return terminating;
        });
    }

    /** @throws Refused for a Deployment that does not exist */
    public DeploymentStatus deploymentStatus(String namespace, String name) {
        return onceRead(() -> cluster.deploymentStatus(namespace, name)
                .orElseThrow(() -> noDeployment(namespace, name)));
    }

    private static Refused noDeployment(String namespace, String name) {
        return Refused.unknown("name", "deployments.apps \"" + name + "\" not found in namespace " + namespace);
    }

    /**
     * {@code action} under the service's lock once the world as it stood at start has been read; waiting for that
     * outside the lock, which the reading needs.
     */
    private <T> T onceRead(Supplier<T> action) {
        changes.awaitRead();
        synchronized (this) {
            return action.get();
        }
    }

    public synchronized List<Pod> pods() {
        return cluster.pods();
    }

    public synchronized List<NodeStatus> nodes() {
        return cluster.nodeStatuses();
    }

    private void reconcile() {
        if (!caughtUp || !seedKnown) {
            return;
        }
        for (ClusterState.PodChange change : cluster.reconcile()) {
            writer.write(Topics.K8S_PODS, change.key(), change.event());
        }
        Map<String, Map<String, Object>> desired = new HashMap<>();
        MIRRORED.forEach(t -> desired.put(t, new TreeMap<>()));
        for (K8sObject object : manifests.values()) {
            if (object instanceof Node n) {
                desired.get(Topics.K8S_NODES).put(n.name(), n);
            } else if (object instanceof Service s) {
                desired.get(Topics.K8S_SERVICES).put(s.namespace() + "/" + s.name(), s);
            } else if (object instanceof Ingress i) {
                desired.get(Topics.K8S_INGRESSES).put(i.namespace() + "/" + i.name(), i);
            }
        }
        MIRRORED.forEach(t -> mirror(t, desired.get(t)));
    }

    private void mirror(String topic, Map<String, Object> desired) {
        Map<String, Object> current = published.get(topic);
        desired.forEach((key, value) -> {
            if (!Objects.equals(current.get(key), value)) {
                writer.write(topic, key, value);
                current.put(key, value);
            }
        });
        for (String key : List.copyOf(current.keySet())) {
            if (!desired.containsKey(key)) {
                writer.write(topic, key, null);
                current.remove(key);
            }
        }
    }
}
