package com.packetjourney.k8s.domain;

import com.packetjourney.contracts.k8s.Deployment;
import com.packetjourney.contracts.k8s.Pod;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The ReplicaSet of each Deployment's current pod template: names its pods as Kubernetes does
 * (&lt;deployment&gt;-&lt;pod-template-hash&gt;-&lt;suffix&gt;), with characters derived from the simulation seed
 * instead of a random source so the same world always gets the same names, and picks which pods go on scale down.
 */
public final class ReplicaSetController {
    /** Kubernetes' rand.String alphabet (k8s.io/apimachinery/pkg/util/rand): no vowels, no look-alike characters. */
    public static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
    public static final int TEMPLATE_HASH_LENGTH = 10;
    public static final int SUFFIX_LENGTH = 5;
    public static final String OWNER_KIND = "ReplicaSet/";
    /** How far back a pod's name is looked for among a ReplicaSet's name sequence (bounds the search on restart). */
    private static final int MAX_NAME_SEARCH = 10_000;

    private final long seed;
    private final Map<String, List<String>> namesByReplicaSet = new HashMap<>();
    private final Map<String, Integer> indexByPodName = new HashMap<>();

    public ReplicaSetController(long seed) {
        this.seed = seed;
    }

    /** Stands for the pod template: replicas are left out, so scaling keeps the ReplicaSet and its pods. */
    public String templateHash(Deployment d) {
        String template = d.namespace() + "|" + d.name() + "|" + d.image() + "|" + d.containerPort() + "|"
                + new TreeMap<>(d.labels() == null ? Map.of() : d.labels());
        return encode("template|" + seed + "|" + template, TEMPLATE_HASH_LENGTH);
    }

    public String replicaSetName(Deployment d) {
        return d.name() + "-" + templateHash(d);
    }

    public static String owner(String replicaSet) {
        return OWNER_KIND + replicaSet;
    }

    /** The ReplicaSet a pod name belongs to: the name without its suffix. */
    public static String replicaSetOf(String podName) {
        int dash = podName.lastIndexOf('-');
        return dash < 0 ? podName : podName.substring(0, dash);
    }

    /** The Deployment a ReplicaSet belongs to: its name without the template hash. */
    public static String deploymentOf(String replicaSet) {
        return replicaSetOf(replicaSet);
    }

    /** The name of the ReplicaSet's {@code index}-th pod (0 = the first ever created). */
    public String podName(String replicaSet, int index) {
        List<String> names = namesByReplicaSet.computeIfAbsent(replicaSet, rs -> new ArrayList<>());
        while (names.size() <= index) {
            String name = replicaSet + "-" + encode("pod|" + seed + "|" + replicaSet + "|" + names.size(), SUFFIX_LENGTH);
            indexByPodName.put(name, names.size());
            names.add(name);
        }
        return names.get(index);
    }

    /**
     * A DaemonSet's pod on a node: &lt;daemonset&gt;-&lt;suffix&gt;, the suffix derived from the seed, the node and
     * the how-manieth pod of the DaemonSet on that node it is (0 the first), so a replacement gets a new name.
     */
    public String daemonPodName(String daemonSet, String node, int attempt) {
        return daemonSet + "-" + encode("daemon|" + seed + "|" + daemonSet + "|" + node + "|" + attempt,
                SUFFIX_LENGTH);
    }

    /** When the pod was created among its ReplicaSet's pods; -1 for a name this controller never gives. */
    public int creationIndex(String podName) {
        Integer index = indexByPodName.get(podName);
        if (index == null) {
            String replicaSet = replicaSetOf(podName);
            int searched = namesByReplicaSet.getOrDefault(replicaSet, List.of()).size();
            for (int i = searched; i < MAX_NAME_SEARCH && index == null; i++) {
                if (podName(replicaSet, i).equals(podName)) {
                    index = i;
                }
            }
        }
        return index == null ? -1 : index;
    }

    /** Names for {@code count} new pods: after the newest name ever used, so no deleted pod's name comes back. */
    public List<String> newPodNames(String replicaSet, int count, Collection<String> usedNames) {
        int next = usedNames.stream().filter(n -> replicaSetOf(n).equals(replicaSet))
                .mapToInt(this::creationIndex).max().orElse(-1) + 1;
        List<String> names = new ArrayList<>();
        for (int i = next; names.size() < count; i++) {
            String name = podName(replicaSet, i);
            if (!usedNames.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The pods to delete to get down to {@code desired}, in the ReplicaSet controller's order (ActivePods in
     * kubernetes/pkg/controller/controller_utils.go): unscheduled before scheduled, pending before running,
     * not ready before ready, newer before older.
     */
    public List<Pod> podsToDelete(List<Pod> pods, int desired) {
        Comparator<Pod> order = Comparator.<Pod>comparingInt(p -> p.node() == null ? 0 : 1)
                .thenComparingInt(p -> "Running".equals(p.phase()) ? 1 : 0)
                .thenComparingInt(p -> p.ready() ? 1 : 0)
                .thenComparing(Comparator.<Pod>comparingInt(p -> creationIndex(p.name())).reversed());
        return pods.stream().sorted(order).limit(Math.max(0, pods.size() - desired)).toList();
    }

    private static String encode(String input, int length) {
        byte[] digest = sha256(input);
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
        }
        return out.toString();
    }

    private static byte[] sha256(String input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JVM", e);
        }
    }
}
