package com.packetjourney.cli;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * ./packet-journey world k8s ...: changes to the EKS side of a running world, each through the REST API of the
 * service that owns it: k8s-api for Deployments and pods, node-cni for how slowly the application in a pod answers.
 */
final class WorldK8sCommand {
    static final String USAGE = """
              world k8s scale DEPLOYMENT N [--namespace NS]
                                       set a Deployment's replicas (0: journeys end at the ALB with a 503;
                                       beyond what the nodes hold: pods stay Pending or without an address)
              world k8s delete-pod NAME [--namespace NS]
                                       delete a pod: its ALB target drains, its ReplicaSet replaces it
              world k8s set-image DEPLOYMENT IMAGE [--namespace NS]
                                       roll a Deployment out to a new image (maxSurge 25%, maxUnavailable 25%)
              world k8s slow-pod NAME MICROS [--namespace NS]
                                       the application in the pod answers MICROS µs later (0: normally)
            """;
    static final String DEFAULT_NAMESPACE = "default";

    private final StackClient client;

    WorldK8sCommand(StackClient client) {
        this.client = client;
    }

    /** Makes the change; returns what to print. */
    String run(PacketJourney.Args a) {
        String namespace = a.opt("namespace", DEFAULT_NAMESPACE);
        String verb = a.positional(1, "");
        return switch (verb) {
            case "scale" -> describeScale(client.scaleDeployment(namespace, arg(a, 2, "DEPLOYMENT"),
                    number(arg(a, 3, "N"), "N")));
            case "delete-pod" -> describeDeletion(client.deletePod(namespace, arg(a, 2, "NAME")));
            case "set-image" -> describeImage(client.setImage(namespace, arg(a, 2, "DEPLOYMENT"), arg(a, 3, "IMAGE")));
            case "slow-pod" -> describeSlowness(client.slowPod(namespace, arg(a, 2, "NAME"),
                    number(arg(a, 3, "MICROS"), "MICROS")));
            default -> throw new IllegalArgumentException("unknown world k8s command '" + verb + "'; usage:\n"
                    + USAGE);
        };
    }

    static String describeScale(JsonNode d) {
        return "deployment " + d.path("namespace").asText() + "/" + d.path("name").asText() + " scaled to "
                + d.path("replicas").asText() + " replicas (written to pj.world.k8s-manifests; its pods change once "
                + "k8s-api has read it back)";
    }

    static String describeDeletion(JsonNode pod) {
        String ip = pod.path("podIp").isTextual() ? " at " + pod.path("podIp").asText() : "";
        return "pod " + pod.path("namespace").asText() + "/" + pod.path("name").asText() + ip + " is "
                + pod.path("phase").asText() + ": its ALB target drains and its ReplicaSet replaces it";
    }

    static String describeImage(JsonNode d) {
        return "deployment " + d.path("namespace").asText() + "/" + d.path("name").asText() + " now wants "
                + d.path("image").asText() + ": a new ReplicaSet rolls out within maxSurge 25% and maxUnavailable "
                + "25% once k8s-api has read it back";
    }

    static String describeSlowness(JsonNode s) {
        String pod = s.path("namespace").asText() + "/" + s.path("pod").asText();
        long micros = s.path("micros").asLong();
        return micros == 0 ? "pod " + pod + " answers normally again (written to pj.world.pod-slowness)"
                : "pod " + pod + " answers " + micros + " µs later (written to pj.world.pod-slowness; with least "
                + "outstanding requests the ALB sends new requests elsewhere while it answers)";
    }

    private static String arg(PacketJourney.Args a, int index, String name) {
        String value = a.positional(index, null);
        if (value == null) {
            throw new IllegalArgumentException("missing " + name + "; usage:\n" + USAGE);
        }
        return value;
    }

    private static int number(String value, String name) {
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " must be a whole number, not '" + value + "'");
        }
    }
}
