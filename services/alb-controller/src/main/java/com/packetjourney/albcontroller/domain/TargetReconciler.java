package com.packetjourney.albcontroller.domain;

import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.Service;
import com.packetjourney.contracts.k8s.TargetRegistration;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * IP-mode target registration as the controller's TargetGroupBinding reconciler does it: the targets of a
 * target group are the ready endpoints of its Service (Running, ready pods matching the selector, with an IP),
 * at the target port. A registered target that is no longer an endpoint is deregistered: it goes draining for the
 * target group's deregistration delay (the load balancer ends the draining; this controller has no simulated clock).
 * The draining registration stays logged until its address is registered again or its target group is gone.
 */
public final class TargetReconciler {
    private TargetReconciler() {
    }

    /**
     * What to write to bring the registered targets to the desired ones: registrations (healthy), deregistrations
     * (the same target, draining) and keys to forget (their target group is gone).
     */
    public record Diff(List<TargetRegistration> register, List<TargetRegistration> deregister, List<String> forget) {
        public boolean isEmpty() {
            return register.isEmpty() && deregister.isEmpty() && forget.isEmpty();
        }
    }

    /**
     * The targets every target group should have, keyed by {@link TargetRegistration#key()}.
     *
     * @param services Services by "namespace/name"
     */
    public static Map<String, TargetRegistration> desired(Collection<AlbConfig> configs,
                                                          Function<String, Service> services, Collection<Pod> pods) {
        List<Pod> ordered = pods.stream().sorted(Comparator.comparing(Pod::key)).toList();
        Map<String, TargetRegistration> desired = new TreeMap<>();
        for (AlbConfig config : configs) {
            for (AlbConfig.TargetGroup group : config.targetGroups()) {
                Service service = services.apply(group.service());
                if (service == null) {
                    continue;
                }
                for (Pod pod : ordered) {
                    if (selects(service, pod) && isReadyEndpoint(pod)) {
                        TargetRegistration target = registration(group.name(), pod.podIp(), group.port(), pod.name());
                        desired.putIfAbsent(target.key(), target);
                    }
                }
            }
        }
        return desired;
    }

    /** @param targetGroups the target groups that exist now */
    public static Diff diff(Map<String, TargetRegistration> desired, Map<String, TargetRegistration> registered,
                            Set<String> targetGroups) {
        List<TargetRegistration> register = new ArrayList<>();
        desired.forEach((key, target) -> {
            if (!target.equals(registered.get(key))) {
                register.add(target);
            }
        });
        List<TargetRegistration> deregister = new ArrayList<>();
        List<String> forget = new ArrayList<>();
        new TreeMap<>(registered).forEach((key, target) -> {
            if (desired.containsKey(key)) {
                return;
            }
            if (!targetGroups.contains(target.targetGroup())) {
                forget.add(key);
            } else if (TargetRegistration.HEALTHY.equals(target.state())) {
                deregister.add(deregistration(target));
            }
        });
        return new Diff(register, deregister, forget);
    }

    /** The target as it is once deregistered: draining, under an id of its own, derived like a registration's. */
    static TargetRegistration deregistration(TargetRegistration target) {
        String eventId = UUID.nameUUIDFromBytes(("deregister/" + target.key() + "/" + target.pod())
                .getBytes(StandardCharsets.UTF_8)).toString();
        return new TargetRegistration(target.targetGroup(), target.ip(), target.port(), target.pod(),
                TargetRegistration.DRAINING, eventId);
    }

    /** A Service selects the pods of its namespace carrying all its selector labels; no selector selects none. */
    static boolean selects(Service service, Pod pod) {
        Map<String, String> selector = service.selector();
        if (selector == null || selector.isEmpty() || !service.namespace().equals(pod.namespace())) {
            return false;
        }
        Map<String, String> labels = pod.labels() == null ? Map.of() : pod.labels();
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }

    /** Only a Running pod that passes its readiness probe and has an IP is an endpoint. */
    static boolean isReadyEndpoint(Pod pod) {
        return "Running".equals(pod.phase()) && pod.ready() && pod.podIp() != null && !pod.podIp().isBlank();
    }

    /** A registration's id is derived from what it registers, so the same world yields the same ids. */
    static TargetRegistration registration(String targetGroup, String ip, int port, String pod) {
        String key = new TargetRegistration(targetGroup, ip, port, pod, null, null).key();
        String eventId = UUID.nameUUIDFromBytes(("register/" + key + "/" + pod).getBytes(StandardCharsets.UTF_8))
                .toString();
        return new TargetRegistration(targetGroup, ip, port, pod, TargetRegistration.HEALTHY, eventId);
    }
}
