package com.packetjourney.cni.domain;

import com.packetjourney.contracts.k8s.InstanceLimits;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The example cases of amazon-vpc-cni-k8s's docs/eni-and-ip-target.md, row by row: with so many pods on a node,
 * ipamd holds so many ENIs, so many secondary addresses (so many unused) and so many per ENI.
 */
class WarmPoolPolicyTest {
    private static final String NODE = "node-a";

    private record Row(int enis, int addresses, int unused, List<Integer> perEni) {
    }

    private static Row run(String instanceType, WarmPoolPolicy policy, int pods) {
        Subnet subnet = new Subnet("10.0.0.0/19");
        subnet.take("10.0.1.17");
        Ipamd ipamd = new Ipamd(NODE, "10.0.1.17", InstanceLimits.of(instanceType).orElseThrow(), subnet, policy,
                i -> Eni.idFor(1, NODE, i));
        ipamd.warmUp();
        for (int i = 0; i < pods; i++) {
            ipamd.assign("default/p" + i).orElseThrow();
        }
        List<Integer> perEni = ipamd.enis().stream().map(e -> e.secondaryIps().size()).toList();
        return new Row(ipamd.enis().size(), perEni.stream().mapToInt(Integer::intValue).sum(),
                ipamd.freeIps().size(), perEni);
    }

    @Test
    void warmEniTargetOneKeepsAWholeEniOfAddressesFree() {
        WarmPoolPolicy eni = new WarmPoolPolicy(1, 0, 0);
        assertThat(run("t3.small", eni, 0)).isEqualTo(new Row(1, 3, 3, List.of(3)));
        assertThat(run("t3.small", eni, 5)).isEqualTo(new Row(3, 9, 4, List.of(3, 3, 3)));
        assertThat(run("t3.small", eni, 9)).isEqualTo(new Row(3, 9, 0, List.of(3, 3, 3)));
        assertThat(run("p3dn.24xlarge", eni, 0)).isEqualTo(new Row(1, 49, 49, List.of(49)));
        assertThat(run("p3dn.24xlarge", eni, 3)).isEqualTo(new Row(2, 98, 95, List.of(49, 49)));
        assertThat(run("p3dn.24xlarge", eni, 95)).isEqualTo(new Row(3, 147, 52, List.of(49, 49, 49)));
    }

    @Test
    void warmIpTargetOneWithMinimumOneAllocatesSingleAddresses() {
        WarmPoolPolicy ip = new WarmPoolPolicy(0, 1, 1);
        assertThat(run("t3.small", ip, 0)).isEqualTo(new Row(1, 1, 1, List.of(1)));
        assertThat(run("t3.small", ip, 5)).isEqualTo(new Row(2, 6, 1, List.of(3, 3)));
        assertThat(run("t3.small", ip, 9)).isEqualTo(new Row(3, 9, 0, List.of(3, 3, 3)));
    }

    @Test
    void minimumIpTargetIsTheFloorAndWarmIpTargetTheHeadroom() {
        WarmPoolPolicy ip = new WarmPoolPolicy(0, 2, 5);
        // the docs list the two ENIs' addresses as "2,3": which ENI holds which count is not significant
        assertThat(run("t3.small", ip, 0)).satisfies(r -> {
            assertThat(r.enis()).isEqualTo(2);
            assertThat(r.addresses()).isEqualTo(5);
            assertThat(r.unused()).isEqualTo(5);
            assertThat(r.perEni()).containsExactlyInAnyOrder(2, 3);
        });
        assertThat(run("t3.small", ip, 5)).isEqualTo(new Row(3, 7, 2, List.of(3, 3, 1)));
        assertThat(run("t3.small", ip, 9)).isEqualTo(new Row(3, 9, 0, List.of(3, 3, 3)));

        WarmPoolPolicy large = new WarmPoolPolicy(0, 5, 10);
        assertThat(run("p3dn.24xlarge", large, 0)).isEqualTo(new Row(1, 10, 10, List.of(10)));
        assertThat(run("p3dn.24xlarge", large, 7)).isEqualTo(new Row(1, 12, 5, List.of(12)));
        assertThat(run("p3dn.24xlarge", large, 15)).isEqualTo(new Row(1, 20, 5, List.of(20)));
        assertThat(run("p3dn.24xlarge", large, 45)).isEqualTo(new Row(2, 50, 5, List.of(49, 1)));
    }

    @Test
    void anIpTargetOverridesTheEniTargetAndTargetsCannotBeNegative() {
        assertThat(new WarmPoolPolicy(1, 0, 0).countsAddresses()).isFalse();
        assertThat(new WarmPoolPolicy(1, 2, 0).countsAddresses()).isTrue();
        assertThat(new WarmPoolPolicy(1, 0, 3).describe()).isEqualTo("WARM_IP_TARGET=0, MINIMUM_IP_TARGET=3");
        assertThat(WarmPoolPolicy.DEFAULT.describe()).isEqualTo("WARM_ENI_TARGET=1");
        assertThatThrownBy(() -> new WarmPoolPolicy(-1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anAttachedEniSaysWhyAndIsPublishedWithItsAddresses() {
        Subnet subnet = new Subnet("10.0.0.0/19");
        subnet.take("10.0.1.17");
        Ipamd ipamd = new Ipamd(NODE, "10.0.1.17", InstanceLimits.of("m5.large").orElseThrow(), subnet,
                WarmPoolPolicy.DEFAULT, i -> Eni.idFor(1, NODE, i));
        ipamd.warmUp();
        ipamd.assign("default/a").orElseThrow();
        Eni second = ipamd.enis().get(1);
        assertThat(second.reason()).isEqualTo("WARM_ENI_TARGET=1 keeps 9 addresses free; 8 were");
        var attachment = second.toAttachment(NODE, subnet.cidr());
        assertThat(attachment.key()).isEqualTo(NODE + "/eth1");
        assertThat(attachment.eni()).isEqualTo(second.id());
        assertThat(attachment.primaryIp()).isEqualTo("10.0.1.27");
        assertThat(attachment.secondaryIps()).hasSize(9).first().isEqualTo("10.0.1.28");
        assertThat(attachment.eventId()).isEqualTo(Eni.attachmentEventId(NODE, second.id()));
        assertThat(ipamd.enis().get(0).reason()).isNull();
        assertThatThrownBy(() -> ipamd.enis().get(0).toAttachment(NODE, subnet.cidr()))
                .isInstanceOf(IllegalStateException.class);
    }
}
