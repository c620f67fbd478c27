package com.packetjourney.dhcp.domain;

import com.packetjourney.contracts.Refused;
import com.packetjourney.contracts.world.ClientDevice;

import java.util.Collection;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A device joining a LAN of the world: a name (a host name label, RFC 1123 §2.1, as the device would send it in
 * DHCP option 12), a unicast MAC address (IEEE 802: the first octet's least significant bit, I/G, is 0 for an
 * individual address) and the LAN it plugs into. Names and MAC addresses are unique in the world.
 */
public final class NewClient {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");

    private NewClient() {
    }

    /** @throws Refused naming the field: invalid, an unknown LAN, or a name or address another device has */
    public static ClientDevice of(String name, String mac, String lan, Collection<ClientDevice> existing,
                                  Set<String> lans) {
        String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        if (!LABEL.matcher(n).matches()) {
            throw Refused.invalid("name", "'" + name + "' is not a host name: letters, digits and inner hyphens, "
                    + "at most 63 (RFC 1123 §2.1)");
        }
        String m = MacAddress.normalize(mac).orElseThrow(() -> Refused.invalid("mac", "'" + mac
                + "' is not a MAC address like 3c:22:fb:7a:10:02"));
        if ((Integer.parseInt(m.substring(0, 2), 16) & 1) == 1) {
            throw Refused.invalid("mac", m + " is a group (multicast) address: a device's own address has the I/G "
                    + "bit of its first octet clear");
        }
        if (lan == null || !lans.contains(lan)) {
            throw Refused.unknown("lan", "no LAN named " + lan);
        }
        for (ClientDevice device : existing) {
            if (device.name().equals(n)) {
                throw Refused.conflict("name", "a device named " + n + " already exists (on " + device.lan() + ")");
            }
            if (device.mac().equalsIgnoreCase(m)) {
                throw Refused.conflict("mac", m + " is already " + device.name() + "'s address");
            }
        }
        return new ClientDevice(n, m, lan);
    }
}
