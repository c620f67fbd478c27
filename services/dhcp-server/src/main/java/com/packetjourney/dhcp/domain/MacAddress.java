package com.packetjourney.dhcp.domain;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** A MAC address as DHCP's chaddr carries it for Ethernet: six octets, written here lower-case and colon-separated. */
public final class MacAddress {
    /** IEEE 802 notation: six hex pairs separated by colons or hyphens. */
    private static final Pattern SIX_OCTETS = Pattern.compile("[0-9a-f]{2}([:-][0-9a-f]{2}){5}");

    private MacAddress() {
    }

    /** "3C-22-FB-7A-10-01" as "3c:22:fb:7a:10:01"; empty when the text is no MAC address. */
    public static Optional<String> normalize(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String mac = text.trim().toLowerCase(Locale.ROOT);
        return SIX_OCTETS.matcher(mac).matches() ? Optional.of(mac.replace('-', ':')) : Optional.empty();
    }
}
