package com.packetjourney.alb.domain;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.k8s.AlbConfig;
import com.packetjourney.contracts.world.LoadBalancer;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What becomes of the client's SYN to a load balancer's address and port. It is answered only by a node that owns
 * the address, in the AS the route delivered the packet to, on a port with a listener. Otherwise nothing answers
 * and no RST comes back: there is no node at the address; or the route leads into another AS (a hijacked prefix)
 * where no such load balancer runs; or the load balancer's security group, which the controller opens only on the
 * listener ports, drops the SYN. The client then retransmits until it gives up ({@link SynRetransmission}).
 */
public record ConnectAttempt(LoadBalancerNode node, Listener listener, FailureCode failure, String reason) {

    public static ConnectAttempt to(Collection<LoadBalancer> loadBalancers, Function<String, AlbConfig> configs,
                                    String destination, int port, Long originAs) {
        Optional<LoadBalancerNode> owner = LoadBalancerNode.owning(loadBalancers, destination);
        if (owner.isEmpty()) {
            return unanswered(null, FailureCode.ALB_NOT_FOUND, "no load balancer node owns " + destination
                    + ", so nothing answers the SYN");
        }
        LoadBalancerNode node = owner.get();
        long asn = loadBalancers.stream().filter(lb -> lb.name().equals(node.loadBalancer())).findFirst()
                .map(LoadBalancer::asn).orElseThrow();
        if (originAs != null && originAs != asn) {
            return unanswered(null, FailureCode.ALB_NOT_FOUND, "the route to " + destination + " leads into AS"
                    + originAs + ", not AS" + asn + " where " + node.loadBalancer() + " runs: no load balancer "
                    + "answers the SYN there (a hijacked prefix)");
        }
        AlbConfig config = configs.apply(node.loadBalancer());
        Optional<Listener> listener = Listener.on(config, port);
        if (listener.isEmpty()) {
            List<Integer> open = config == null ? List.of()
                    : config.listeners().stream().map(AlbConfig.Listener::port).toList();
            return unanswered(node, FailureCode.ALB_NO_LISTENER, node.loadBalancer() + " has no listener on port "
                    + port + " and its security group lets in only " + (open.isEmpty() ? "no port"
                    : "port " + open.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow())
                    + ": the SYN to " + node.publicIp() + ":" + port + " is dropped, no RST comes back");
        }
        return new ConnectAttempt(node, listener.get(), null, null);
    }

    private static ConnectAttempt unanswered(LoadBalancerNode node, FailureCode failure, String reason) {
        return new ConnectAttempt(node, null, failure, reason);
    }

    public boolean answered() {
        return failure == null;
    }

    /** How the client experiences an unanswered attempt, with the given retransmission behaviour. */
    public String timeoutMessage(SynRetransmission retransmission) {
        return "connection timed out after " + retransmission.giveUpMicros() / 1_000_000 + " s and "
                + retransmission.synsSent() + " SYNs: " + reason + "; the browser shows ERR_CONNECTION_TIMED_OUT";
    }
}
