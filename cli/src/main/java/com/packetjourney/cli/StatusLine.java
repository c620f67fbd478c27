package com.packetjourney.cli;

import java.io.PrintStream;

/**
 * What the CLI is waiting for, as one line on stderr rewritten in place ("waiting for dns-resolver to read its
 * world... 12 s"), only on a terminal: piped or captured output never carries it. {@link #clear} before printing
 * anything else.
 */
final class StatusLine {
    private final PrintStream out;
    private final boolean enabled;
    private int drawn;
    private String shown = "";

    StatusLine(PrintStream out, boolean enabled) {
        this.out = out;
        this.enabled = enabled;
    }

    /** A status line on stderr when there is a terminal to draw on. */
    static StatusLine onTerminal() {
        return new StatusLine(System.err, System.console() != null);
    }

    synchronized void show(String text) {
        if (!enabled || text.equals(shown)) {
            return;
        }
        shown = text;
        out.print("\r" + text + " ".repeat(Math.max(0, drawn - text.length())));
        out.flush();
        drawn = text.length();
    }

    synchronized void clear() {
        if (drawn > 0) {
            out.print("\r" + " ".repeat(drawn) + "\r");
            out.flush();
            drawn = 0;
            shown = "";
        }
    }
}
