package com.packetjourney.contracts.world;

/** A device that starts journeys (the laptop): its name, MAC address and the LAN it is plugged into. */
public record ClientDevice(String name, String mac, String lan) {
}
