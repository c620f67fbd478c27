package com.packetjourney.e2e;

import com.packetjourney.cli.Stack;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** What the end-to-end tests that start stacks of their own share: free ports, sleeping, waiting for the world to settle. */
final class E2e {
    private E2e() {
    }

    /** A port base with every service port free above it. */
    static int freePortBase() {
        for (int base = 23000 + (int) (ProcessHandle.current().pid() % 50) * 20; base < 40000; base += 20) {
            boolean free = true;
            for (int i = 1; i <= Stack.SERVICES.size() && free; i++) {
                free = Stack.portFree(base + i);
            }
            if (free) {
                return base;
            }
        }
        throw new IllegalStateException("no free port range");
    }

    static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sleeps; an interrupt ends the sleep and stays set. */
    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Polls until the condition holds; throws when it still does not after {@code timeout}. */
    static void await(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within " + timeout.toSeconds() + " s");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }
}
