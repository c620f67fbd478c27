package com.packetjourney.contracts.k8s;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An ELB security policy: the TLS versions and cipher suites an HTTPS listener negotiates, ciphers in the
 * listener's order of preference (ELB User Guide, "Security policies for your Application Load Balancer": "the
 * first cipher on the server's list that matches any one of the client's ciphers is selected"). TLS 1.3 suites
 * carry their IANA names, earlier ones OpenSSL's, as the tables do. The AWS Load Balancer Controller uses
 * ELBSecurityPolicy-2016-08 unless the Ingress's ssl-policy annotation names another.
 */
public record SecurityPolicy(String name, List<String> versions, List<String> ciphers) {
    public static final String TLS_1_0 = "TLSv1";
    public static final String TLS_1_1 = "TLSv1.1";
    public static final String TLS_1_2 = "TLSv1.2";
    public static final String TLS_1_3 = "TLSv1.3";
    /** The controller's --default-ssl-policy. */
    public static final String CONTROLLER_DEFAULT = "ELBSecurityPolicy-2016-08";

    private static final List<String> TLS13_SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384",
            "TLS_CHACHA20_POLY1305_SHA256");
    private static final List<String> ECDHE_SHA2 = List.of("ECDHE-ECDSA-AES128-GCM-SHA256",
            "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES128-SHA256", "ECDHE-RSA-AES128-SHA256",
            "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES256-SHA384",
            "ECDHE-RSA-AES256-SHA384");
    private static final Map<String, SecurityPolicy> TABLE = new TreeMap<>();

    static {
        add(CONTROLLER_DEFAULT, List.of(TLS_1_0, TLS_1_1, TLS_1_2), List.of(
                "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES128-SHA256",
                "ECDHE-RSA-AES128-SHA256", "ECDHE-ECDSA-AES128-SHA", "ECDHE-RSA-AES128-SHA",
                "ECDHE-ECDSA-AES256-GCM-SHA384", "ECDHE-RSA-AES256-GCM-SHA384", "ECDHE-ECDSA-AES256-SHA384",
                "ECDHE-RSA-AES256-SHA384", "ECDHE-RSA-AES256-SHA", "ECDHE-ECDSA-AES256-SHA", "AES128-GCM-SHA256",
                "AES128-SHA256", "AES128-SHA", "AES256-GCM-SHA384", "AES256-SHA256", "AES256-SHA"));
        add("ELBSecurityPolicy-TLS-1-2-2017-01", List.of(TLS_1_2), concat(ECDHE_SHA2, List.of("AES128-GCM-SHA256",
                "AES128-SHA256", "AES256-GCM-SHA384", "AES256-SHA256")));
        add("ELBSecurityPolicy-TLS13-1-2-2021-06", List.of(TLS_1_2, TLS_1_3), concat(TLS13_SUITES, ECDHE_SHA2));
        add("ELBSecurityPolicy-TLS13-1-2-Res-2021-06", List.of(TLS_1_2, TLS_1_3), concat(TLS13_SUITES, List.of(
                "ECDHE-ECDSA-AES128-GCM-SHA256", "ECDHE-RSA-AES128-GCM-SHA256", "ECDHE-ECDSA-AES256-GCM-SHA384",
                "ECDHE-RSA-AES256-GCM-SHA384")));
        add("ELBSecurityPolicy-TLS13-1-3-2021-06", List.of(TLS_1_3), TLS13_SUITES);
    }

    public static Optional<SecurityPolicy> named(String name) {
        return Optional.ofNullable(name == null ? null : TABLE.get(name));
    }

    /** The listener's policy: the one it names, the controller's default when it names none. */
    public static SecurityPolicy ofListener(String name) {
        return named(name == null ? CONTROLLER_DEFAULT : name).orElseThrow(() -> new IllegalArgumentException(
                "unknown security policy " + name + "; known: " + String.join(", ", TABLE.keySet())));
    }

    public static Iterable<String> knownNames() {
        return TABLE.keySet();
    }

    /** A TLS 1.3 suite (IANA name, any certificate) rather than a TLS 1.2 one (OpenSSL name, key exchange and key). */
    public static boolean isTls13Suite(String cipher) {
        return cipher.startsWith("TLS_");
    }

    private static void add(String name, List<String> versions, List<String> ciphers) {
        TABLE.put(name, new SecurityPolicy(name, versions, ciphers));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).toList();
    }
}
