package com.packetjourney.contracts;

import java.util.List;

/** Every topic name in one place. Hop topics are keyed by journey id; world topics are compacted and keyed by entity. */
public final class Topics {
    private Topics() {
    }

    /** All hop topics share this partition count so one journey's events land on the same partition number everywhere. */
    public static final int HOP_PARTITIONS = 3;

    public static final String JOURNEY_REQUESTED = "pj.hop.journey-requested";
    public static final String DHCP = "pj.hop.dhcp";
    public static final String DNS = "pj.hop.dns";
    public static final String ROUTE = "pj.hop.route";
    public static final String ALB = "pj.hop.alb";
    public static final String POD = "pj.hop.pod";

    /**
     * Scenario-loaded world (the CLI publishes these). What-if changes made through REST are written by the owning
     * service: bgp-router writes autonomous systems, dhcp-server LANs.
     */
    public static final String WORLD_SIMULATION = "pj.world.simulation";
    public static final String WORLD_CLIENTS = "pj.world.clients";
    public static final String WORLD_LANS = "pj.world.lans";
    public static final String WORLD_DNS_ZONES = "pj.world.dns-zones";
    public static final String WORLD_AUTONOMOUS_SYSTEMS = "pj.world.autonomous-systems";
    public static final String WORLD_LOAD_BALANCERS = "pj.world.load-balancers";
    public static final String WORLD_K8S_MANIFESTS = "pj.world.k8s-manifests";

    /** World state derived by services (each written by exactly one service). */
    public static final String DHCP_LEASES = "pj.world.dhcp-leases";
    public static final String K8S_NODES = "pj.k8s.nodes";
    public static final String K8S_PODS = "pj.k8s.pods";
    public static final String K8S_SERVICES = "pj.k8s.services";
    public static final String K8S_INGRESSES = "pj.k8s.ingresses";
    public static final String CNI_POD_NETWORKS = "pj.cni.pod-networks";
    public static final String ALB_CONFIG = "pj.alb.config";
    public static final String ALB_TARGETS = "pj.alb.targets";
    /** ENIs the VPC CNI attached to nodes beyond their primary one, each an event pods' addresses link to. */
    public static final String CNI_ENIS = "pj.cni.enis";
    /** Slowness injected into pods through node-cni's REST API (the app in the pod answers later). */
    public static final String WORLD_POD_SLOWNESS = "pj.world.pod-slowness";
    /** Cache flushes ordered through dns-resolver's REST API, applied by simulated time. */
    public static final String WORLD_DNS_CACHE_FLUSHES = "pj.world.dns-cache-flushes";

    /** The hop topics in journey order, as {@link HopChain#STANDARD} declares them. */
    public static List<String> hopTopics() {
        return HopChain.STANDARD.topics();
    }

    public static List<String> worldTopics() {
        return List.of(WORLD_SIMULATION, WORLD_CLIENTS, WORLD_LANS, WORLD_DNS_ZONES, WORLD_AUTONOMOUS_SYSTEMS,
                WORLD_LOAD_BALANCERS, WORLD_K8S_MANIFESTS, DHCP_LEASES, K8S_NODES, K8S_PODS, K8S_SERVICES,
                K8S_INGRESSES, CNI_POD_NETWORKS, ALB_CONFIG, ALB_TARGETS, CNI_ENIS, WORLD_POD_SLOWNESS,
                WORLD_DNS_CACHE_FLUSHES);
    }

    /** Dead-letter topic of one service: unreadable records go there with the reason in a header. */
    public static String deadLetter(String service) {
        return "pj.dlq." + service;
    }

    public static final List<String> SERVICES = List.of("laptop", "dhcp-server", "dns-resolver", "bgp-router",
            "k8s-api", "node-cni", "alb-controller", "alb", "journey-log");
}
