package com.packetjourney.journeylog.capture;

/** An IPv4 address and a port, as the payloads write them: {@code 192.168.1.100:60401}. */
record Endpoint(String ip, int port) {

    static Endpoint parse(String text) {
        int colon = text.lastIndexOf(':');
        if (colon < 0) {
            throw new IllegalArgumentException("not ip:port: " + text);
        }
        return new Endpoint(text.substring(0, colon), Integer.parseInt(text.substring(colon + 1)));
    }

    Endpoint withPort(int newPort) {
        return new Endpoint(ip, newPort);
    }

    @Override
    public String toString() {
        return ip + ":" + port;
    }
}
