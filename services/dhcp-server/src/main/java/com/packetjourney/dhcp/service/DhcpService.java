package com.packetjourney.dhcp.service;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.Topics;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DhcpConfigured.RouteEntry;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.DhcpLease;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.dhcp.domain.DhcpServer;
import com.packetjourney.dhcp.domain.Lease;
import com.packetjourney.dhcp.domain.LeasePool;
import com.packetjourney.dhcp.domain.MacAddress;
import com.packetjourney.dhcp.domain.NewClient;
import com.packetjourney.dhcp.domain.PoolChange;
import com.packetjourney.hop.CommonWorld;
import com.packetjourney.kafka.KeyedWriter;
import com.packetjourney.kafka.WorldChanges;
import com.packetjourney.kafka.WorldWriter;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;

/**
 * The DHCP hop: gives the journey's client its network configuration from its LAN's server, and logs every new
 * binding so that a restarted server knows who holds which address. Thread-safe: world updates and hops may come
 * from different threads.
 */
@Singleton
public class DhcpService {
    static final String IFACE = "en0";

    private final CommonWorld world = new CommonWorld();
    private final Map<String, DhcpServer> servers = new HashMap<>();
    private final List<DhcpLease> pendingRestore = new ArrayList<>();
    private final Clock wallClock;
    private final WorldWriter leaseLog;
    private final WorldChanges changes;

    /** {@code leaseLog} writes new bindings; {@code changes} writes the world changes of the API. */
    @Inject
    public DhcpService(Clock wallClock, KeyedWriter leaseLog, WorldChanges changes) {
        this(wallClock, (WorldWriter) leaseLog, changes);
    }

    public DhcpService(Clock wallClock, WorldWriter leaseLog, WorldChanges changes) {
        this.wallClock = wallClock;
        this.leaseLog = leaseLog;
        this.changes = changes;
    }

    /** The simulation, clients and LANs, as read from the world. */
    public CommonWorld world() {
        return world;
    }

    /** A LAN record read from the world (after {@link #world()} took it): its server, with every binding kept. */
    public synchronized void onLan(String id, LanSegment lan) {
        if (lan == null) {
            servers.remove(id);
            return;
        }
        DhcpServer old = servers.get(id);
        LeasePool pool = new LeasePool(lan.id(), lan.poolStart(), lan.poolEnd(), lan.leaseSeconds());
        servers.put(id, new DhcpServer(lan, pool));
        if (old != null) {
            // A changed pool keeps every binding: a client keeps its address until its lease ends, even one a
            // shrunk pool no longer covers (such an address is never offered again).
            old.pool().bindingsSnapshot().forEach(l -> restoreInto(pool, toContract(l)));
        }
        pendingRestore.removeIf(l -> {
            if (l.lan().equals(id)) {
                restoreInto(pool, l);
                return true;
            }
            return false;
        });
    }

    public synchronized void onLease(String key, DhcpLease lease) {
        if (lease == null) {
            String[] parts = key.split("\\|", 2);
            DhcpServer server = servers.get(parts[0]);
            if (server != null && parts.length == 2) {
                server.pool().release(parts[1]);
            }
            return;
        }
        DhcpServer server = servers.get(lease.lan());
        if (server == null) {
            pendingRestore.add(lease);
        } else {
            restoreInto(server.pool(), lease);
        }
    }

    /**
     * A LAN's pool changed (what if it were smaller?): the LAN record with the new pool is written to the world and
     * the server takes it when it reads it back. A null {@code leaseSeconds} keeps the lease time.
     *
     * @throws Refused for an unknown LAN or a pool it cannot have
     */
    public WorldChanges.Applied<LanSegment> changePool(String lanId, String poolStart, String poolEnd,
                                                       String leaseSeconds) {
        LanSegment updated = PoolChange.apply(lan(lanId), poolStart, poolEnd, leaseSeconds);
        return changes.publish(Topics.WORLD_LANS, updated.id(), updated);
    }

    /**
     * A DHCPRELEASE from {@code mac} (RFC 2131 §4.4.6): its binding is tombstoned on the lease log, and the address
     * returns to the pool when the server reads the tombstone back.
     *
     * @throws Refused for an unknown LAN, a malformed MAC address or a client holding no lease
     */
    public WorldChanges.Applied<DhcpLease> release(String lanId, String mac) {
        changes.awaitRead();
        DhcpLease lease = binding(lanId, mac);
        return changes.publish(Topics.DHCP_LEASES, lease.key(), null).about(lease);
    }

    private synchronized DhcpLease binding(String lanId, String mac) {
        DhcpServer server = servers.get(lanId);
        if (server == null) {
            throw Refused.unknown("lan", "no LAN named " + lanId);
        }
        String clientMac = MacAddress.normalize(mac).orElseThrow(() -> Refused.invalid("mac",
                "'" + mac + "' is not a MAC address like 3c:22:fb:7a:10:01"));
        return server.pool().bindingsSnapshot().stream().filter(l -> l.clientMac().equalsIgnoreCase(clientMac))
                .findFirst().map(DhcpService::toContract)
                .orElseThrow(() -> Refused.unknown("mac", clientMac + " holds no lease on " + lanId));
    }

    /**
     * A new device on a LAN: written to the world's client topic, from where every service learns it.
     *
     * @throws Refused for a bad name or MAC address, an unknown LAN, or a name or MAC address already taken
     */
    public WorldChanges.Applied<ClientDevice> addClient(String name, String mac, String lanId) {
        changes.awaitRead();
        ClientDevice device = NewClient.of(name, mac, lanId, world.clients().values(), Set.copyOf(world.lans().keys()));
        return changes.publish(Topics.WORLD_CLIENTS, device.name(), device);
    }

    /** @throws Refused for an unknown LAN */
    public LanSegment lan(String id) {
        changes.awaitRead();
        return world.lans().find(id).orElseThrow(() -> Refused.unknown("lan", "no LAN named " + id));
    }

    /** Computes the DHCP hop for a journey's first event. */
    public synchronized HopEvent configure(HopEvent requested) {
        Instant now = wallClock.instant();
        Instant at = requested.simEndedAt();
        ClientDevice client = world.clients().get(requested.context().client());
        LanSegment lan = client == null ? null : world.lans().get(client.lan());
        if (lan == null) {
            DhcpConfigured payload = new DhcpConfigured(null, DhcpConfigured.MODE_NO_OFFER, List.of(), null, List.of());
            return requested.next(0, now, Outcome.failed(FailureCode.DHCP_NO_LAN,
                    "no DHCP server for client " + requested.context().client()), requested.context(), payload);
        }
        DhcpServer server = servers.get(lan.id());
        long xid = new SplittableRandom(world.seed() ^ requested.journeyId().hashCode()).nextLong() & 0xffffffffL;
        DhcpServer.Result result = server.configure(client.mac(), at, xid);
        long latency = result.messageCount() * lan.linkLatencyMicros() + result.waitedMicros();
        List<DhcpConfigured.TimelineEntry> timeline = result.timeline().isEmpty() ? null : result.timeline();
        if (result.lease().isEmpty()) {
            String linkLocal = DhcpServer.linkLocalAddress(client.mac());
            List<RouteEntry> routes = List.of(new RouteEntry("169.254.0.0/16", "link#" + IFACE, IFACE, "link-local"));
            DhcpConfigured payload = new DhcpConfigured(lan.routerIp(), result.mode(), result.exchange(), null, routes,
                    timeline);
            return requested.next(latency, now, Outcome.failed(FailureCode.DHCP_POOL_EXHAUSTED,
                    "pool " + lan.poolStart() + "-" + lan.poolEnd() + " has no free address; no DHCPOFFER came, so "
                            + client.name() + " falls back to the link-local address " + linkLocal
                            + " and has no default gateway"),
                    requested.context().withLease(linkLocal, null, null), payload);
        }
        Lease lease = result.lease().get();
        if (!result.exchange().isEmpty()) {
            DhcpLease bound = toContract(lease);
            leaseLog.write(Topics.DHCP_LEASES, bound.key(), bound);
        }
        DhcpConfigured.Lease leasePayload = new DhcpConfigured.Lease(lease.address(), server.subnetMask(),
                lan.routerIp(), lan.dnsServers(), lease.leaseSeconds(), lease.boundAt(), lease.expiresAt(),
                lan.routerIp());
        DhcpConfigured payload = new DhcpConfigured(lan.routerIp(), result.mode(), result.exchange(), leasePayload,
                server.routingTable(IFACE), timeline);
        String dns = lan.dnsServers().isEmpty() ? null : lan.dnsServers().get(0);
        return requested.next(latency, now, Outcome.ok(),
                requested.context().withLease(lease.address(), lan.routerIp(), dns), payload);
    }

    /** Addresses in use and free per LAN at a simulated instant, for the REST view and metrics. */
    public synchronized Map<String, int[]> usage(Instant at) {
        Map<String, int[]> usage = new HashMap<>();
        servers.forEach((id, s) -> usage.put(id, new int[]{s.pool().inUse(at), s.pool().size() - s.pool().inUse(at)}));
        return usage;
    }

    /** @throws Refused for an unknown LAN */
    public List<DhcpLease> leases(String lanId) {
        changes.awaitRead();
        return bindings(lanId);
    }

    private synchronized List<DhcpLease> bindings(String lanId) {
        DhcpServer server = servers.get(lanId);
        if (server == null) {
            throw Refused.unknown("lan", "no LAN named " + lanId);
        }
        return server.pool().bindingsSnapshot().stream().map(DhcpService::toContract).toList();
    }

    private static void restoreInto(LeasePool pool, DhcpLease l) {
        pool.restore(new Lease(l.lan(), l.clientMac(), l.address(), l.boundAt(), l.leaseSeconds()));
    }

    private static DhcpLease toContract(Lease l) {
        return new DhcpLease(l.lan(), l.clientMac(), l.address(), l.boundAt(), l.leaseSeconds());
    }
}
