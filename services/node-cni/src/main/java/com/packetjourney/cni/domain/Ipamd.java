package com.packetjourney.cni.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The VPC CNI's IP address manager on one node. It starts with the primary ENI and its secondary addresses as the
 * warm pool; with WARM_ENI_TARGET=1 it attaches the next ENI (with its own secondary addresses) when the pool has no
 * free address left, up to the instance type's ENI limit. Secondary addresses are drawn from the node's subnet in
 * order after the node's own address, skipping taken ones.
 */
public final class Ipamd {
    /** The error the CNI plugin returns to the kubelet when no address can be had (the pod stays ContainerCreating). */
    public static final String NO_IP_ERROR = "failed to assign an IP address to container";

    /** An address given to a pod, and the ENI it belongs to. */
    public record Assignment(String podKey, String ip, Eni eni) {
    }

    private final String node;
    private final String internalIp;
    private final InstanceLimits limits;
    private final Subnet subnet;
    private final IntFunction<String> eniIds;
    private final List<Eni> enis = new ArrayList<>();
    /** Pod by address, in assignment order. */
    private final Map<String, String> podByIp = new LinkedHashMap<>();
    private String drawCursor;

    public Ipamd(String node, String internalIp, InstanceLimits limits, Subnet subnet, IntFunction<String> eniIds) {
        this.node = node;
        this.internalIp = internalIp;
        this.limits = limits;
        this.subnet = subnet;
        this.eniIds = eniIds;
        this.drawCursor = internalIp;
    }

    public String node() {
        return node;
    }

    public InstanceLimits limits() {
        return limits;
    }

    public List<Eni> enis() {
        return List.copyOf(enis);
    }

    /**
     * Puts back an address a pod held before a restart, on the ENI it was on. Call before {@link #warmUp()}, after
     * the address has been taken in the subnet, so no other draw can have it.
     */
    public void restore(String podKey, String ip, int deviceIndex) {
        // the ENIs below the pod's were attached before the restart too
        boolean attached = true;
        while (attached && enis.size() <= deviceIndex && enis.size() < limits.enis()) {
            attached = attach(false);
        }
        if (deviceIndex < enis.size()) {
            subnet.take(ip);
            enis.get(deviceIndex).addSecondaryIp(ip);
            podByIp.put(ip, podKey);
        }
    }

    /** Attaches the primary ENI if needed and fills every attached ENI with secondary addresses. */
    public void warmUp() {
        if (enis.isEmpty()) {
            attach(true);
        }
        enis.forEach(this::fill);
    }

    /** The pod's address: the one it already holds, else the lowest free one, attaching an ENI if none is free. */
    public Optional<Assignment> assign(String podKey) {
        Optional<Assignment> held = assignmentOf(podKey);
        if (held.isPresent()) {
            return held;
        }
        if (freeIps().isEmpty() && enis.size() < limits.enis()) {
            attach(true);
        }
        return freeIps().stream().findFirst().map(ip -> {
            podByIp.put(ip, podKey);
            return new Assignment(podKey, ip, eniOf(ip));
        });
    }

    /** The pod's address goes back to the warm pool (the ENI keeps it). */
    public void release(String podKey) {
        podByIp.values().remove(podKey);
    }

    public Optional<Assignment> assignmentOf(String podKey) {
        return podByIp.entrySet().stream().filter(e -> e.getValue().equals(podKey)).findFirst()
                .map(e -> new Assignment(podKey, e.getKey(), eniOf(e.getKey())));
    }

    /** Pod by address for the addresses of one ENI. */
    public Map<String, String> assignedOn(Eni eni) {
        Map<String, String> assigned = new LinkedHashMap<>();
        eni.secondaryIps().stream().sorted(byValue()).filter(podByIp::containsKey)
                .forEach(ip -> assigned.put(ip, podByIp.get(ip)));
        return assigned;
    }

    public List<String> freeOn(Eni eni) {
        return eni.secondaryIps().stream().filter(ip -> !podByIp.containsKey(ip)).sorted(byValue()).toList();
    }

    /** Free addresses of all ENIs, lowest first. */
    public List<String> freeIps() {
        return enis.stream().flatMap(e -> freeOn(e).stream()).sorted(byValue()).toList();
    }

    /** Gives every address of every ENI back to the subnet (the node is gone). */
    public void detachAll() {
        for (Eni eni : enis) {
            eni.secondaryIps().forEach(subnet::release);
            if (!eni.isPrimary()) {
                subnet.release(eni.primaryIp());
            }
        }
        enis.clear();
        podByIp.clear();
    }

    /** Attaches the next ENI; false when the subnet has no address left for its own primary address. */
    private boolean attach(boolean fill) {
        int deviceIndex = enis.size();
        // the primary ENI's own address is the instance's; the others get one from the subnet
        Optional<String> primaryIp = deviceIndex == 0 ? Optional.of(internalIp) : draw();
        if (primaryIp.isEmpty()) {
            return false;
        }
        Eni eni = new Eni(eniIds.apply(deviceIndex), deviceIndex, primaryIp.get());
        enis.add(eni);
        if (fill) {
            fill(eni);
        }
        return true;
    }

    private void fill(Eni eni) {
        while (eni.secondaryIps().size() < limits.podIpsPerEni()) {
            Optional<String> ip = draw();
            if (ip.isEmpty()) {
                return;
            }
            eni.addSecondaryIp(ip.get());
        }
    }

    private Optional<String> draw() {
        Optional<String> ip = subnet.takeNextAfter(drawCursor);
        ip.ifPresent(a -> drawCursor = a);
        return ip;
    }

    private Eni eniOf(String ip) {
        return enis.stream().filter(e -> e.secondaryIps().contains(ip)).findFirst().orElseThrow();
    }

    private static Comparator<String> byValue() {
        return Comparator.comparingLong(Subnet::value);
    }
}
