package com.packetjourney.bgp.domain;

/** The ORIGIN path attribute (RFC 4271 §5.1.1), declared in order of preference: lower is better. */
public enum Origin {
    IGP, EGP, INCOMPLETE
}
