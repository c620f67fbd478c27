package com.packetjourney.dhcp.service;

import com.packetjourney.contracts.FailureCode;
import com.packetjourney.contracts.HopEvent;
import com.packetjourney.contracts.Outcome;
import com.packetjourney.contracts.hop.DhcpConfigured;
import com.packetjourney.contracts.hop.DhcpConfigured.RouteEntry;
import com.packetjourney.contracts.world.ClientDevice;
import com.packetjourney.contracts.world.DhcpLease;
import com.packetjourney.contracts.world.LanSegment;
import com.packetjourney.contracts.world.Simulation;
import com.packetjourney.dhcp.domain.DhcpServer;
import com.packetjourney.dhcp.domain.InvalidPoolException;
import com.packetjourney.dhcp.domain.Lease;
import com.packetjourney.dhcp.domain.LeasePool;
import com.packetjourney.dhcp.domain.MacAddress;
import com.packetjourney.dhcp.domain.NewClient;
import com.packetjourney.dhcp.domain.PoolChange;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * The DHCP hop: gives the journey's client its network configuration from its LAN's server, and logs every new
 * binding so that a restarted server knows who holds which address. Thread-safe: world updates and hops may come
 * from different threads.
 */
public class DhcpService {
    static final String IFACE = "en0";

    private final Map<String, LanSegment> lans = new HashMap<>();
    private final Map<String, DhcpServer> servers = new HashMap<>();
    private final Map<String, ClientDevice> clients = new HashMap<>();
    private final List<DhcpLease> pendingRestore = new ArrayList<>();
    private final Clock wallClock;
    private final Consumer<DhcpLease> leaseLog;
    private long seed;

    public DhcpService(Clock wallClock, Consumer<DhcpLease> leaseLog) {
        this.wallClock = wallClock;
        this.leaseLog = leaseLog;
    }

    public synchronized void onSimulation(Simulation simulation) {
        this.seed = simulation == null ? 0 : simulation.seed();
    }

    public synchronized void onClient(String name, ClientDevice client) {
        if (client == null) {
            clients.remove(name);
        } else {
            clients.put(name, client);
        }
        notifyAll();
    }

    public synchronized void onLan(String id, LanSegment lan) {
        if (lan == null) {
            lans.remove(id);
            servers.remove(id);
            notifyAll();
            return;
        }
        DhcpServer old = servers.get(id);
        LeasePool pool = new LeasePool(lan.id(), lan.poolStart(), lan.poolEnd(), lan.leaseSeconds());
        lans.put(id, lan);
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
        notifyAll();
    }

    public synchronized void onLease(String key, DhcpLease lease) {
        if (lease == null) {
            String[] parts = key.split("\\|", 2);
            DhcpServer server = servers.get(parts[0]);
            if (server != null && parts.length == 2) {
                server.pool().release(parts[1]);
            }
            notifyAll();
            return;
        }
        DhcpServer server = servers.get(lease.lan());
        if (server == null) {
            pendingRestore.add(lease);
        } else {
            restoreInto(server.pool(), lease);
        }
        notifyAll();
    }

    /**
     * The LAN record with a new pool, to be written to the world topic; the server takes it when it reads the record
     * back. A null {@code leaseSeconds} keeps the lease time.
     *
     * @throws WorldChangeRefused for an unknown LAN or a pool it cannot have
     */
    public synchronized LanSegment poolChange(String lanId, String poolStart, String poolEnd, String leaseSeconds) {
        LanSegment lan = lans.get(lanId);
        if (lan == null) {
            throw new WorldChangeRefused(WorldChangeRefused.Reason.UNKNOWN, "lan", "no LAN named " + lanId);
        }
        try {
            return PoolChange.apply(lan, poolStart, poolEnd, leaseSeconds);
        } catch (InvalidPoolException e) {
            throw new WorldChangeRefused(WorldChangeRefused.Reason.INVALID, e.field(), e.getMessage());
        }
    }

    /**
     * The binding a DHCPRELEASE from {@code mac} gives up (RFC 2131 §4.4.6), to be tombstoned on the lease log; its
     * address returns to the pool when the server reads the tombstone back.
     *
     * @throws WorldChangeRefused for an unknown LAN, a malformed MAC address or a client holding no lease
     */
    public synchronized DhcpLease release(String lanId, String mac) {
        DhcpServer server = servers.get(lanId);
        if (server == null) {
            throw new WorldChangeRefused(WorldChangeRefused.Reason.UNKNOWN, "lan", "no LAN named " + lanId);
        }
        String clientMac = MacAddress.normalize(mac).orElseThrow(() -> new WorldChangeRefused(
                WorldChangeRefused.Reason.INVALID, "mac", "'" + mac + "' is not a MAC address like 3c:22:fb:7a:10:01"));
        return server.pool().bindingsSnapshot().stream().filter(l -> l.clientMac().equalsIgnoreCase(clientMac))
                .findFirst().map(DhcpService::toContract)
                .orElseThrow(() -> new WorldChangeRefused(WorldChangeRefused.Reason.UNKNOWN, "mac",
                        clientMac + " holds no lease on " + lanId));
    }

    /**
     * A new device on a LAN, to be written to the world's client topic; every service learns it from there.
     *
     * @throws WorldChangeRefused for a bad name or MAC address, an unknown LAN, or a name or MAC already taken
     */
    public synchronized ClientDevice addClient(String name, String mac, String lanId) {
        try {
            return NewClient.of(name, mac, lanId, clients.values(), lans.keySet());
        } catch (NewClient.Refused e) {
            WorldChangeRefused.Reason reason = e.conflict() ? WorldChangeRefused.Reason.CONFLICT
                    : e.unknown() ? WorldChangeRefused.Reason.UNKNOWN : WorldChangeRefused.Reason.INVALID;
            throw new WorldChangeRefused(reason, e.field(), e.getMessage());
        }
    }

    /** Waits until the client record read from the world topic is {@code expected}; false if not within the timeout. */
    public synchronized boolean awaitClient(ClientDevice expected, Duration timeout) {
        return awaitUntil(() -> expected.equals(clients.get(expected.name())), timeout);
    }

    public synchronized Optional<LanSegment> lan(String id) {
        return Optional.ofNullable(lans.get(id));
    }

    /** Waits until the LAN record read from the world topic is {@code expected}; false if not within the timeout. */
    public synchronized boolean awaitLan(LanSegment expected, Duration timeout) {
        return awaitUntil(() -> expected.equals(lans.get(expected.id())), timeout);
    }

    /** Waits until the server has read the release of {@code lease} back; false if not within the timeout. */
    public synchronized boolean awaitReleased(DhcpLease lease, Duration timeout) {
        return awaitUntil(() -> {
            DhcpServer server = servers.get(lease.lan());
            return server == null || server.pool().bindingOf(lease.clientMac()).isEmpty();
        }, timeout);
    }

    private boolean awaitUntil(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (!condition.getAsBoolean()) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0) {
                    return false;
                }
                wait(left);
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Computes the DHCP hop for a journey's first event; returns null for a journey that already failed. */
    public synchronized HopEvent configure(HopEvent requested) {
        if (!requested.outcome().isOk()) {
            return null;
        }
        Instant now = wallClock.instant();
        Instant at = requested.simEndedAt();
        ClientDevice client = clients.get(requested.context().client());
        LanSegment lan = client == null ? null : lans.get(client.lan());
        if (lan == null) {
            DhcpConfigured payload = new DhcpConfigured(null, DhcpConfigured.MODE_NO_OFFER, List.of(), null, List.of());
            return requested.next(0, now, Outcome.failed(FailureCode.DHCP_NO_LAN,
                    "no DHCP server for client " + requested.context().client()), requested.context(), payload);
        }
        DhcpServer server = servers.get(lan.id());
        long xid = new SplittableRandom(seed ^ requested.journeyId().hashCode()).nextLong() & 0xffffffffL;
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
            leaseLog.accept(toContract(lease));
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

    public synchronized Optional<List<DhcpLease>> leases(String lanId) {
        DhcpServer server = servers.get(lanId);
        return server == null ? Optional.empty()
                : Optional.of(server.pool().bindingsSnapshot().stream().map(DhcpService::toContract).toList());
    }

    private static void restoreInto(LeasePool pool, DhcpLease l) {
        pool.restore(new Lease(l.lan(), l.clientMac(), l.address(), l.boundAt(), l.leaseSeconds()));
    }

    private static DhcpLease toContract(Lease l) {
        return new DhcpLease(l.lan(), l.clientMac(), l.address(), l.boundAt(), l.leaseSeconds());
    }
}
