package com.packetjourney.cni.domain;

import com.packetjourney.contracts.k8s.InstanceLimits;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class IpamdTest {
    private static final String NODE = "ip-10-0-1-17.eu-west-1.compute.internal";
    private final Subnet subnet = new Subnet("10.0.0.0/19");

    private Ipamd ipamd(String instanceType) {
        subnet.take("10.0.1.17");
        Ipamd ipamd = new Ipamd(NODE, "10.0.1.17", InstanceLimits.of(instanceType).orElseThrow(), subnet,
                WarmPoolPolicy.DEFAULT, i -> Eni.idFor(20230904L, NODE, i));
        ipamd.warmUp();
        return ipamd;
    }

    @Test
    void theWarmPoolIsThePrimaryEniWithNineSecondaryAddressesAfterTheNodes() {
        Ipamd ipamd = ipamd("m5.large");
        assertThat(ipamd.enis()).hasSize(1);
        Eni primary = ipamd.enis().get(0);
        assertThat(primary.device()).isEqualTo("eth0");
        assertThat(primary.primaryIp()).isEqualTo("10.0.1.17");
        assertThat(primary.id()).matches("eni-[0-9a-f]{17}");
        assertThat(primary.secondaryIps()).hasSize(9).first().isEqualTo("10.0.1.18");
        assertThat(ipamd.freeIps()).last().isEqualTo("10.0.1.26");
    }

    @Test
    void podsGetTheLowestFreeAddressAndKeepItAndAReleasedAddressCoolsDownBehindTheOthers() {
        Ipamd ipamd = ipamd("m5.large");
        assertThat(ipamd.assign("default/a")).get().extracting(Ipamd.Assignment::ip).isEqualTo("10.0.1.18");
        assertThat(ipamd.assign("default/b")).get().extracting(Ipamd.Assignment::ip).isEqualTo("10.0.1.19");
        assertThat(ipamd.assign("default/a")).get().extracting(Ipamd.Assignment::ip).isEqualTo("10.0.1.18");
        ipamd.release("default/a");
        assertThat(ipamd.assignmentOf("default/a")).isEmpty();
        assertThat(ipamd.freeIps()).contains("10.0.1.18");
        // a's address is cooling down: the next pod gets one never used
        assertThat(ipamd.assign("default/c")).get().extracting(Ipamd.Assignment::ip).isEqualTo("10.0.1.20");
        ipamd.release("default/b");
        ipamd.release("default/c");
        // once every other address is taken, the one released longest ago comes back first
        for (int i = 0; i < 24; i++) {
            ipamd.assign("default/filler-" + i).orElseThrow();
        }
        assertThat(ipamd.assign("default/d")).get().extracting(Ipamd.Assignment::ip).isEqualTo("10.0.1.18");
        assertThat(ipamd.assign("default/e")).get().extracting(Ipamd.Assignment::ip).isEqualTo("10.0.1.19");
    }

    @Test
    void aFullPoolAttachesTheNextEniUntilTheInstanceLimitThenFails() {
        Ipamd ipamd = ipamd("t3.medium"); // 3 ENIs of 6 addresses: 5 for pods on each
        List<Ipamd.Assignment> assignments = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            assignments.add(ipamd.assign("default/p" + i).orElseThrow());
        }
        assertThat(ipamd.enis()).extracting(Eni::device).containsExactly("eth0", "eth1", "eth2");
        Ipamd.Assignment sixth = assignments.get(5);
        assertThat(sixth.eni().deviceIndex()).isEqualTo(1);
        // eth1's own address comes first, then its five secondary addresses
        assertThat(ipamd.enis().get(1).primaryIp()).isEqualTo("10.0.1.23");
        assertThat(sixth.ip()).isEqualTo("10.0.1.24");
        assertThat(ipamd.enis()).extracting(Eni::id).doesNotHaveDuplicates();

        Optional<Ipamd.Assignment> none = ipamd.assign("default/p15");
        assertThat(none).isEmpty();
        assertThat(Ipamd.NO_IP_ERROR).isEqualTo("failed to assign an IP address to container");
        ipamd.release("default/p3");
        assertThat(ipamd.assign("default/p15")).get().extracting(Ipamd.Assignment::ip)
                .isEqualTo(assignments.get(3).ip());
    }

    @Test
    void aSubnetWithoutAddressesLeftFailsTheAssignmentBeforeTheEnisAreFull() {
        // a /27 has 32 addresses, 27 usable (AWS reserves five); the node has one of them
        Subnet small = new Subnet("10.0.1.0/27");
        small.take("10.0.1.17");
        Ipamd ipamd = new Ipamd(NODE, "10.0.1.17", InstanceLimits.of("m5.large").orElseThrow(), small,
                WarmPoolPolicy.DEFAULT, i -> Eni.idFor(20230904L, NODE, i));
        ipamd.warmUp();
        int assigned = 0;
        while (ipamd.assign("default/p" + assigned).isPresent()) {
            assigned++;
        }
        // 26 addresses for the ENIs: eth1's and eth2's own take two, 24 go to pods, short of m5.large's 27
        assertThat(assigned).isEqualTo(24);
        assertThat(ipamd.enis()).hasSize(3);
    }

    @Test
    void aRestartedIpamdGivesPodsBackTheirAddressesOnTheirEnis() {
        Subnet fresh = new Subnet("10.0.0.0/19");
        fresh.take("10.0.1.17");
        fresh.take("10.0.1.30");
        Ipamd ipamd = new Ipamd(NODE, "10.0.1.17", InstanceLimits.of("t3.medium").orElseThrow(), fresh,
                WarmPoolPolicy.DEFAULT, i -> Eni.idFor(20230904L, NODE, i));
        ipamd.restore("default/x", "10.0.1.30", 1);
        ipamd.warmUp();
        assertThat(ipamd.enis()).hasSize(2).allSatisfy(e -> assertThat(e.secondaryIps()).hasSize(5));
        assertThat(ipamd.assignmentOf("default/x")).get().satisfies(a -> {
            assertThat(a.ip()).isEqualTo("10.0.1.30");
            assertThat(a.eni().deviceIndex()).isEqualTo(1);
        });
        assertThat(ipamd.freeIps()).doesNotContain("10.0.1.30");
    }

    @Test
    void twoNodesOfOneSubnetNeverDrawTheSameAddress() {
        Ipamd first = ipamd("m5.large");
        subnet.take("10.0.1.10");
        Ipamd second = new Ipamd("other", "10.0.1.10", InstanceLimits.of("m5.large").orElseThrow(), subnet,
                WarmPoolPolicy.DEFAULT, i -> Eni.idFor(20230904L, "other", i));
        second.warmUp();
        assertThat(second.freeIps()).containsExactly("10.0.1.11", "10.0.1.12", "10.0.1.13", "10.0.1.14",
                "10.0.1.15", "10.0.1.16", "10.0.1.27", "10.0.1.28", "10.0.1.29");
        assertThat(first.freeIps()).doesNotContainAnyElementsOf(second.freeIps());
    }
}
