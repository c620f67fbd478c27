package com.packetjourney.albcontroller.service;

import com.packetjourney.albcontroller.domain.IngressTranslator;
import com.packetjourney.albcontroller.domain.TargetReconciler;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.k8s.Ingress;
import com.packetjourney.contracts.k8s.Pod;
import com.packetjourney.contracts.k8s.Service;
import com.packetjourney.contracts.k8s.TargetRegistration;
import com.packetjourney.contracts.k8s.WatchEvent;
import com.packetjourney.contracts.world.LoadBalancer;
import com.packetjourney.kafka.KeyedWriter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

/**
 * The AWS Load Balancer Controller's reconcile loop: from Ingresses, Services and pods to load balancer
 * configurations and registered targets; a target whose pod stopped being a ready endpoint is deregistered and
 * drains. Its own outputs, read back at start, are the actual state, so only differences are written.
 * Thread-safe: world updates and REST reads come from different threads.
 */
@Singleton
public class AlbControllerService {
    public static final String RECONCILED = "RECONCILED";
    public static final String FAILED = "FAILED";
    public static final String IGNORED = "IGNORED";

    /** How one Ingress was translated: the load balancer it configures and why not, if not. */
    public record IngressStatus(String ingress, String ingressClass, String loadBalancer, String status,
                                List<String> errors) {
    }

    /** A target group as `aws elbv2 describe-target-groups` shows it, with its registered targets. */
    public record TargetGroupView(String name, String loadBalancer, String ingress, String service, String protocol,
                                  int port, String targetType, String algorithm, int deregistrationDelaySeconds,
                                  List<TargetRegistration> targets) {
    }

    private final Map<String, Ingress> ingresses = new TreeMap<>();
    private final Map<String, Service> services = new HashMap<>();
    private final Map<String, Pod> pods = new HashMap<>();
    private final Set<String> loadBalancers = new HashSet<>();
    private final Map<String, AlbConfig> configs = new TreeMap<>();
    private final Map<String, TargetRegistration> targets = new TreeMap<>();
    private final Map<String, IngressStatus> statuses = new TreeMap<>();
    private final BiConsumer<String, AlbConfig> configWriter;
    private final BiConsumer<String, TargetRegistration> targetWriter;
    private boolean reconciling;

    /**
     * @param configWriter writes a configuration keyed by load balancer name (null value: delete it)
     * @param targetWriter writes a registration keyed by {@link TargetRegistration#key()} (null value: deregister)
     */
    @Inject
    public AlbControllerService(KeyedWriter writer) {
        this((loadBalancer, config) -> writer.write(Topics.ALB_CONFIG, loadBalancer, config),
                (key, target) -> writer.write(Topics.ALB_TARGETS, key, target));
    }

    public AlbControllerService(BiConsumer<String, AlbConfig> configWriter,
                                BiConsumer<String, TargetRegistration> targetWriter) {
        this.configWriter = configWriter;
        this.targetWriter = targetWriter;
    }

    public synchronized void onIngress(String key, Ingress ingress) {
        put(ingresses, key, ingress);
        reconcileIfStarted();
    }

    public synchronized void onService(String key, Service service) {
        put(services, key, service);
        reconcileIfStarted();
    }

    public synchronized void onPod(String key, WatchEvent<Pod> event) {
        boolean gone = event == null || event.object() == null || WatchEvent.DELETED.equals(event.type());
        put(pods, key, gone ? null : event.object());
        reconcileIfStarted();
    }

    public synchronized void onLoadBalancer(String name, LoadBalancer loadBalancer) {
        if (loadBalancer == null) {
            loadBalancers.remove(name);
        } else {
            loadBalancers.add(name);
        }
        reconcileIfStarted();
    }

    /**
     * A configuration this controller wrote, read back. Only the records read before reconciling starts count:
     * after that this controller is their only writer and its own state is ahead of the echoes.
     */
    public synchronized void onConfigWritten(String loadBalancer, AlbConfig config) {
        if (!reconciling) {
            put(configs, loadBalancer, config);
        }
    }

    /** A registration this controller wrote, read back; as {@link #onConfigWritten}. */
    public synchronized void onTargetWritten(String key, TargetRegistration target) {
        if (!reconciling) {
            put(targets, key, target);
        }
    }

    /** Called once the world has been read up to where it stood at start: from now on every change reconciles. */
    public synchronized void startReconciling() {
        reconciling = true;
        reconcile();
    }

    private void reconcileIfStarted() {
        if (reconciling) {
            reconcile();
        }
    }

    private void reconcile() {
        Map<String, AlbConfig> desired = desiredConfigs();
        desired.forEach((lb, config) -> {
            if (!config.equals(configs.get(lb))) {
                configs.put(lb, config);
                configWriter.accept(lb, config);
            }
        });
        for (String lb : new ArrayList<>(configs.keySet())) {
            if (!desired.containsKey(lb)) {
                configs.remove(lb);
                configWriter.accept(lb, null);
            }
        }
        Set<String> targetGroups = new HashSet<>();
        desired.values().forEach(c -> c.targetGroups().forEach(g -> targetGroups.add(g.name())));
        TargetReconciler.Diff diff = TargetReconciler.diff(
                TargetReconciler.desired(desired.values(), services::get, pods.values()), targets, targetGroups);
        for (TargetRegistration target : diff.register()) {
            targets.put(target.key(), target);
            targetWriter.accept(target.key(), target);
        }
        for (TargetRegistration draining : diff.deregister()) {
            targets.put(draining.key(), draining);
            targetWriter.accept(draining.key(), draining);
        }
        for (String key : diff.forget()) {
            targets.remove(key);
            targetWriter.accept(key, null);
        }
    }

    /**
     * One configuration per load balancer, from the Ingresses in key order. An Ingress that fails to translate
     * keeps the configuration it had, as the controller leaves a load balancer alone when its reconcile fails.
     */
    private Map<String, AlbConfig> desiredConfigs() {
        Map<String, AlbConfig> desired = new TreeMap<>();
        statuses.clear();
        for (Ingress ingress : ingresses.values()) {
            String key = IngressTranslator.keyOf(ingress);
            if (!IngressTranslator.isAlbIngress(ingress)) {
                statuses.put(key, new IngressStatus(key, ingress.ingressClassName(), null, IGNORED, List.of()));
                continue;
            }
            IngressTranslator.Result result = IngressTranslator.translate(ingress, services::get, loadBalancers);
            AlbConfig claimed = desired.get(result.loadBalancer());
            if (result.ok() && claimed != null) {
                // IngressGroups (several Ingresses sharing one load balancer) are not modelled.
                result = new IngressTranslator.Result(key, result.loadBalancer(), null, List.of("load balancer "
                        + result.loadBalancer() + " is already configured by ingress " + claimed.ingress()));
            }
            if (result.ok()) {
                desired.put(result.loadBalancer(), result.config());
            } else {
                configs.values().stream().filter(c -> c.ingress().equals(key) && !desired.containsKey(c.loadBalancer()))
                        .findFirst().ifPresent(previous -> desired.put(previous.loadBalancer(), previous));
            }
            statuses.put(key, new IngressStatus(key, ingress.ingressClassName(), result.loadBalancer(),
                    result.ok() ? RECONCILED : FAILED, result.errors()));
        }
        return desired;
    }

    public synchronized List<IngressStatus> ingressStatuses() {
        return List.copyOf(statuses.values());
    }

    public synchronized List<TargetGroupView> targetGroups() {
        List<TargetGroupView> views = new ArrayList<>();
        for (AlbConfig config : configs.values()) {
            for (AlbConfig.TargetGroup group : config.targetGroups()) {
                List<TargetRegistration> registered = targets.values().stream()
                        .filter(t -> t.targetGroup().equals(group.name())).toList();
                views.add(new TargetGroupView(group.name(), config.loadBalancer(), config.ingress(), group.service(),
                        group.protocol(), group.port(), group.targetType(), group.algorithm(),
                        group.deregistrationDelaySeconds(), registered));
            }
        }
        return views;
    }

    private static <T> void put(Map<String, T> map, String key, T value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }
}
