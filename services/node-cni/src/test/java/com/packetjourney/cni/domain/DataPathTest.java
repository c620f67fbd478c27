package com.packetjourney.cni.domain;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DataPathTest {

    @Test
    void theServerHeaderComesFromTheImage() {
        assertThat(DataPath.serverHeader("nginx:1.27")).isEqualTo("nginx/1.27");
        assertThat(DataPath.serverHeader("public.ecr.aws/nginx/nginx:1.27")).isEqualTo("nginx/1.27");
        assertThat(DataPath.serverHeader("registry:5000/nginx")).isEqualTo("nginx");
        assertThat(DataPath.serverHeader(null)).isEqualTo("nginx");
        assertThat(DataPath.serverName("httpd:2.4")).isEqualTo("httpd");
    }

    @Test
    void crossingZonesCostsMoreThanStayingInOne() {
        assertThat(DataPath.fabricMicros("eu-west-1a", "eu-west-1a")).isEqualTo(DataPath.SAME_ZONE_MICROS);
        assertThat(DataPath.fabricMicros("eu-west-1a", "eu-west-1b"))
                .isEqualTo(DataPath.SAME_ZONE_MICROS + DataPath.CROSS_ZONE_EXTRA_MICROS);
    }

    @Test
    void routeTableIdsLookLikeAwsOnesAndAreStable() {
        assertThat(DataPath.routeTableId(1, "vpc-0a1b2c3d4e5f60718")).matches("rtb-[0-9a-f]{17}")
                .isEqualTo(DataPath.routeTableId(1, "vpc-0a1b2c3d4e5f60718"));
    }
}
