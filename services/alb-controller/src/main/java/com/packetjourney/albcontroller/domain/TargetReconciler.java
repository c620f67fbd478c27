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
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;

/**
 * IP-mode target registration as the controller's TargetGroupBinding reconciler does it: the targets of a
 * target group are the ready endpoints of its Service (Running, ready pods matching the selector, with an IP),
 * at the target port; what is registered but no longer an endpoint is deregistered.
 */
public final class TargetReconciler {
    private TargetReconciler() {
    }

    /** What to write to bring the registered targets to the desired ones. */
    public record Diff(List<TargetRegistration> register, List<String> deregister) {
        public boolean isEmpty() {
            return register.isEmpty() && deregister.isEmpty();
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

    public static Diff diff(Map<String, TargetRegistration> desired, Map<String, TargetRegistration> registered) {
        List<TargetRegistration> register = new ArrayList<>();
        desired.forEach((key, target) -> {
            if (!target.equals(registered.get(key))) {
                register.add(target);
            }
        });
        List<String> deregister = registered.keySet().stream().filter(k -> !desired.containsKey(k)).sorted().toList();
        return new Diff(register, deregister);
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
