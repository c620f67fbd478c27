package com.packetjourney.cni.domain;

import com.packetjourney.contracts.k8s.InstanceLimits;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The VPC CNI's IP address manager on one node. It starts with the instance's primary ENI and keeps the warm pool
 * of secondary addresses its {@link WarmPoolPolicy} asks for, attaching the next ENI when the attached ones cannot
 * hold it, up to the instance type's ENI limit. Secondary addresses are drawn from the node's subnet in order after
 * the node's own address, skipping taken ones.
 *
 * <p>A pod gets the lowest free address never given out, else the one released longest ago. ipamd keeps a released
 * address cooling down (IP_COOLDOWN_PERIOD, 30 s) so a new pod does not receive traffic still meant for the old
 * one; the control plane carries no simulated time, so the cooldown is modelled as that order. Not modelled: ipamd
 * giving surplus addresses and ENIs back, and the seconds EC2 takes to attach an ENI (it is attached at once).
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
    private final WarmPoolPolicy policy;
    private final IntFunction<String> eniIds;
    private final List<Eni> enis = new ArrayList<>();
    /** Pod by address, in assignment order. */
    private final Map<String, String> podByIp = new LinkedHashMap<>();
    /** When each free address was released, counted in releases: the lowest cooled down the longest. */
    private final Map<String, Long> releasedAt = new HashMap<>();
    private long releases;
    private String drawCursor;

    public Ipamd(String node, String internalIp, InstanceLimits limits, Subnet subnet, WarmPoolPolicy policy,
                 IntFunction<String> eniIds) {
        this.node = node;
        this.internalIp = internalIp;
        this.limits = limits;
        this.subnet = subnet;
        this.policy = policy;
        this.eniIds = eniIds;
        this.drawCursor = internalIp;
    }

    public String node() {
        return node;
    }

    public InstanceLimits limits() {
        return limits;
    }

    public WarmPoolPolicy policy() {
        return policy;
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
            attached = attach(null);
        }
        if (deviceIndex < enis.size()) {
            subnet.take(ip);
            enis.get(deviceIndex).addSecondaryIp(ip);
            podByIp.put(ip, podKey);
        }
    }

    /** Attaches the primary ENI if needed and brings the warm pool to its target. */
    public void warmUp() {
        if (enis.isEmpty()) {
            attach(null);
        }
        if (!policy.countsAddresses()) {
            // whole ENIs: every attached ENI holds all the addresses it can
            enis.forEach(this::fill);
        }
        topUp();
    }

    /**
     * The pod's address: the one it already holds, else the best free one after ipamd has brought its pool to
     * target; the pool is topped up again afterwards, as ipamd's reconciler does.
     */
    public Optional<Assignment> assign(String podKey) {
        Optional<Assignment> held = assignmentOf(podKey);
        if (held.isPresent()) {
            return held;
        }
        topUp();
        Optional<String> ip = freeIps().stream()
                .min(Comparator.<String>comparingLong(a -> releasedAt.getOrDefault(a, 0L)).thenComparing(byValue()));
        ip.ifPresent(a -> {
            podByIp.put(a, podKey);
            releasedAt.remove(a);
            topUp();
        });
        return ip.map(a -> new Assignment(podKey, a, eniOf(a)));
    }

    /** The pod's address goes back to the warm pool (the ENI keeps it), behind every address cooled down longer. */
    public void release(String podKey) {
        List<String> held = podByIp.entrySet().stream().filter(e -> e.getValue().equals(podKey))
                .map(Map.Entry::getKey).toList();
        held.forEach(ip -> {
            podByIp.remove(ip);
            releasedAt.put(ip, ++releases);
        });
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
        releasedAt.clear();
    }

    /** Attaches ENIs and allocates addresses until the policy's target is met or the instance can hold no more. */
    private void topUp() {
        if (policy.countsAddresses()) {
            int wanted = Math.min(policy.addressesWanted(podByIp.size()), limits.enis() * limits.podIpsPerEni());
            while (secondaryCount() < wanted) {
                Optional<Eni> room = enis.stream().filter(e -> e.secondaryIps().size() < limits.podIpsPerEni())
                        .findFirst();
                if (room.isEmpty()) {
                    String reason = policy.describe() + " wants " + wanted + " addresses; the attached ENIs are "
                            + "full with " + secondaryCount();
                    if (enis.size() >= limits.enis() || !attach(reason)) {
                        return;
                    }
                    continue;
                }
                Optional<String> ip = draw();
                if (ip.isEmpty()) {
                    return;
                }
                room.get().addSecondaryIp(ip.get());
            }
        } else {
            int wantedFree = policy.freeAddressesWanted(limits.podIpsPerEni());
            while (freeIps().size() < wantedFree && enis.size() < limits.enis()) {
                String reason = policy.describe() + " keeps " + wantedFree + " addresses free; "
                        + freeIps().size() + " were";
                if (!attach(reason)) {
                    return;
                }
                fill(enis.get(enis.size() - 1));
            }
        }
    }

    private int secondaryCount() {
        return enis.stream().mapToInt(e -> e.secondaryIps().size()).sum();
    }

    /** Attaches the next ENI; false when the subnet has no address left for its own primary address. */
    private boolean attach(String reason) {
        int deviceIndex = enis.size();
        // the primary ENI's own address is the instance's; the others get one from the subnet
        Optional<String> primaryIp = deviceIndex == 0 ? Optional.of(internalIp) : draw();
        if (primaryIp.isEmpty()) {
            return false;
        }
        enis.add(new Eni(eniIds.apply(deviceIndex), deviceIndex, primaryIp.get(), deviceIndex == 0 ? null : reason));
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
