package com.packetjourney.alb.domain;

import com.packetjourney.contracts.k8s.AlbConfig;

import java.util.List;
import java.util.Optional;

/**
 * A listener: the port and protocol a load balancer accepts connections on, its certificates and rules, its
 * default action ({@code defaultRedirect} when that is a redirect) and, for HTTPS, its security policy (null: the
 * controller's default).
 */
public record Listener(int port, String protocol, List<String> certificateArns, List<AlbConfig.Rule> rules,
                       String defaultAction, AlbConfig.Action defaultRedirect, String sslPolicy) {

    /** The listener on a port; none means the node refuses the connection. */
    public static Optional<Listener> on(AlbConfig config, int port) {
        if (config == null) {
            return Optional.empty();
        }
        return config.listeners().stream().filter(l -> l.port() == port).findFirst()
                .map(l -> new Listener(l.port(), l.protocol(), l.certificateArns(), l.rules(), l.defaultAction(),
                        l.defaultRedirect(), l.sslPolicy()));
    }

    /** As the console names it, e.g. "HTTPS:443". */
    public String name() {
        return protocol + ":" + port;
    }

    public boolean terminatesTls() {
        return "HTTPS".equals(protocol);
    }
}
