package com.packetjourney.cni.domain;

import com.packetjourney.contracts.k8s.PodNetwork;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PodNetworkSetupTest {

    @Test
    void theHostVethIsEniAndTheFirstElevenHexDigitsOfSha1OfNamespaceDotPod() {
        // sha1("default.nginx-7c5ddbdf54-x2xkz") = da7b977b9bb...
        assertThat(PodNetworkSetup.hostVethName("default", "nginx-7c5ddbdf54-x2xkz")).isEqualTo("enida7b977b9bb");
        assertThat(PodNetworkSetup.hostVethName("kube-system", "coredns-5d78c9869d-4xk2p")).isEqualTo("eni83b52a1d4b4")
                .hasSize(14);
    }

    @Test
    void aPodOnASecondaryEniGetsAPolicyRuleToThatEnisTable() {
        assertThat(PodNetworkSetup.policyRule("10.0.1.28", 0)).isEmpty();
        assertThat(PodNetworkSetup.policyRule("10.0.1.28", 1)).contains("from 10.0.1.28 lookup 2");
    }

    @Test
    void theSetupIsDerivedFromTheSeedAndThePodOnly() {
        Eni eni = new Eni("eni-0123456789abcdef0", 0, "10.0.1.17", null);
        Ipamd.Assignment assignment = new Ipamd.Assignment("default/web-1", "10.0.1.18", eni);
        PodNetwork network = PodNetworkSetup.setUp(7, "default", "web-1", "node-a", assignment);
        assertThat(network.netns()).matches("cni-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(network.vethHost()).isEqualTo(PodNetworkSetup.hostVethName("default", "web-1"));
        assertThat(network.vethPod()).isEqualTo("eth0");
        assertThat(network.hostRoute()).isEqualTo("10.0.1.18 dev " + network.vethHost() + " scope link");
        assertThat(network.eni()).isEqualTo("eni-0123456789abcdef0");
        assertThat(network.eniIndex()).isZero();
        assertThat(PodNetworkSetup.setUp(7, "default", "web-1", "node-a", assignment)).isEqualTo(network);
        assertThat(PodNetworkSetup.setUp(8, "default", "web-1", "node-a", assignment).eventId())
                .isNotEqualTo(network.eventId());
        assertThat(network.eniAttachment()).as("the primary ENI came with the instance").isNull();
        assertThat(network.failure()).isNull();
    }

    @Test
    void anAddressOfASecondaryEniLinksToItsAttachment() {
        Eni eni = new Eni("eni-0fedcba9876543210", 1, "10.0.1.27", "WARM_ENI_TARGET=1 keeps 9 addresses free; 8 were");
        PodNetwork network = PodNetworkSetup.setUp(7, "default", "web-2", "node-a",
                new Ipamd.Assignment("default/web-2", "10.0.1.28", eni));
        assertThat(network.eniIndex()).isEqualTo(1);
        assertThat(network.eniAttachment()).isEqualTo(Eni.attachmentEventId("node-a", "eni-0fedcba9876543210"));
    }

    @Test
    void aFailedSetupCarriesTheCnisErrorAndNoAddress() {
        PodNetwork failed = PodNetworkSetup.failed("default", "web-3", "node-a", Ipamd.NO_IP_ERROR);
        assertThat(failed.failure()).isEqualTo("plugin type=\"aws-cni\" name=\"aws-cni\" failed (add): add cmd: "
                + "failed to assign an IP address to container");
        assertThat(failed.podIp()).isNull();
        assertThat(failed.eni()).isNull();
        assertThat(failed.vethHost()).isNull();
        assertThat(failed.node()).isEqualTo("node-a");
        assertThat(failed.eventId()).isEqualTo(PodNetworkSetup.failed("default", "web-3", "node-a",
                Ipamd.NO_IP_ERROR).eventId());
    }
}
