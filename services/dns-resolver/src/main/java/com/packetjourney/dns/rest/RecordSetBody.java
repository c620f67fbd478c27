package com.packetjourney.dns.rest;

import java.util.List;

/**
 * PUT /zones/{origin}/records body: one RRset, e.g. {"name":"www.packet-journey.com.","type":"A","ttl":300,
 * "values":["1.2.3.4"]}; values are in master-file presentation format.
 */
public record RecordSetBody(String name, String type, Long ttl, List<String> values) {
}
