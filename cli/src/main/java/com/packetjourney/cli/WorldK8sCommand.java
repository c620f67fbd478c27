package com.packetjourney.cli;

import com.fasterxml.jackson.databind.JsonNode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * ./packet-journey world k8s ...: changes to the EKS side of a running world, each through the REST API of the
 * service that owns it: k8s-api for Deployments and pods, node-cni for how slowly the application in a pod answers.
 */
@Command(name = "k8s", description = "Deployments and pods (k8s-api), and how slowly a pod answers (node-cni).",
        subcommands = {WorldK8sCommand.Scale.class, WorldK8sCommand.DeletePod.class, WorldK8sCommand.SetImage.class,
                WorldK8sCommand.SlowPod.class})
final class WorldK8sCommand {
    @Mixin
    HelpOption help;
    static final String DEFAULT_NAMESPACE = "default";

    /** A change in one namespace. */
    abstract static class NamespacedChange extends WorldCommand.Change {
        @Option(names = "--namespace", paramLabel = "NS", defaultValue = DEFAULT_NAMESPACE,
                description = "the namespace (default: ${DEFAULT-VALUE})")
        String namespace;
    }

    @Command(name = "scale", description = "Set a Deployment's replicas (0: journeys end at the ALB with a 503; beyond "
            + "what the nodes hold: pods stay Pending or without an address).")
    static final class Scale extends NamespacedChange {
        @Parameters(index = "0", paramLabel = "DEPLOYMENT", description = "e.g. nginx")
        String deployment;
        @Parameters(index = "1", paramLabel = "N", description = "the replicas wanted")
        int replicas;

        @Override
        JsonNode change(StackClient client) {
            return client.scaleDeployment(namespace, deployment, replicas);
        }

        @Override
        String describe(JsonNode answer) {
            return describeScale(answer);
        }
    }

    @Command(name = "delete-pod", description = "Delete a pod: its ALB target drains, its ReplicaSet replaces it.")
    static final class DeletePod extends NamespacedChange {
        @Parameters(index = "0", paramLabel = "NAME", description = "the pod")
        String pod;

        @Override
        JsonNode change(StackClient client) {
            return client.deletePod(namespace, pod);
        }

        @Override
        String describe(JsonNode answer) {
            return describeDeletion(answer);
        }
    }

    @Command(name = "set-image", description = "Roll a Deployment out to a new image (maxSurge 25%%, maxUnavailable "
            + "25%%).")
    static final class SetImage extends NamespacedChange {
        @Parameters(index = "0", paramLabel = "DEPLOYMENT", description = "e.g. nginx")
        String deployment;
        @Parameters(index = "1", paramLabel = "IMAGE", description = "e.g. nginx:1.28")
        String image;

        @Override
        JsonNode change(StackClient client) {
            return client.setImage(namespace, deployment, image);
        }

        @Override
        String describe(JsonNode answer) {
            return describeImage(answer);
        }
    }

    @Command(name = "slow-pod", description = "The application in the pod answers MICROS µs later (0: normally).")
    static final class SlowPod extends NamespacedChange {
        @Parameters(index = "0", paramLabel = "NAME", description = "the pod")
        String pod;
        @Parameters(index = "1", paramLabel = "MICROS", description = "the extra answer time in microseconds")
        long micros;

        @Override
        JsonNode change(StackClient client) {
            return client.slowPod(namespace, pod, micros);
        }

        @Override
        String describe(JsonNode answer) {
            return describeSlowness(answer);
        }
    }

    private WorldK8sCommand() {
    }

    static String describeScale(JsonNode d) {
        return "deployment " + d.path("namespace").asText() + "/" + d.path("name").asText() + " scaled to "
                + Plural.of(d.path("replicas").asLong(), "replica") + " (written to pj.world.k8s-manifests; its pods "
                + "change once k8s-api has read it back)";
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
}
