package com.packetjourney.cni.messaging;

import com.packetjourney.cni.service.NodeCniService;
import com.packetjourney.cni.service.CniReconciler;
import com.packetjourney.cni.service.CniReconciler.NodeView;
import com.packetjourney.hop.ServiceGauges;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import io.micrometer.core.instrument.Tags;

import java.util.HashMap;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * The VPC CNI's own metrics (its hop's are {@link com.packetjourney.metrics.HopMetrics}): per node, ipamd's warm pool of free addresses
 * ({@code pj_cni_free_ips}), the addresses given to pods ({@code pj_cni_assigned_ips}), the ENIs attached
 * ({@code pj_cni_attached_enis}) and the pods ipamd could not give an address ({@code pj_cni_pending_pods}), each
 * labelled {@code node}.
 */
@Startup
@Singleton
public class NodeCniMetrics {
    NodeCniMetrics(ServiceGauges gauges, NodeCniService hop) {
        CniReconciler service = hop.cni();
        gauges.gauge("pj.cni.free.ips", "Addresses in the node's warm pool, attached and free for the next pod",
                () -> perNode(service, n -> n.enis().stream().mapToInt(e -> e.free().size()).sum()))
                .gauge("pj.cni.assigned.ips", "Addresses of the node's ENIs given to pods",
                        () -> perNode(service, n -> n.enis().stream().mapToInt(e -> e.assigned().size()).sum()))
                .gauge("pj.cni.attached.enis", "ENIs attached to the node (its primary ENI included)",
                        () -> perNode(service, n -> n.enis().size()))
                .gauge("pj.cni.pending.pods", "Pods bound to the node that ipamd could not give an address",
                        () -> perNode(service, n -> n.podsWithoutAddress().size()));
    }

    private static Map<Tags, Integer> perNode(CniReconciler service, ToIntFunction<NodeView> value) {
        Map<Tags, Integer> rows = new HashMap<>();
        service.nodes().forEach(n -> rows.put(Tags.of("node", n.name()), value.applyAsInt(n)));
        return rows;
    }
}
