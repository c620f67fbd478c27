package com.packetjourney.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar redrawn in place on stderr, only when there is a terminal to draw on, so piped or
 * captured output never carries it. Redraws at most every 100 ms.
 */
final class ProgressBar {
    private static final int WIDTH = 30;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private final String label;
    private final boolean enabled;
    private long total;
    private long lastDraw;
    private boolean drawn;

    ProgressBar(PrintStream out, String label, boolean enabled) {
        this.out = out;
        this.label = label;
        this.enabled = enabled;
    }

    /** A bar on stderr when the JVM has a console (an interactive terminal). */
    static ProgressBar onTerminal(String label) {
        return new ProgressBar(System.err, label, System.console() != null);
    }

    void start(long total) {
        this.total = total;
    }

    void update(long done) {
        long now = System.nanoTime();
        if (!enabled || total <= 0 || (drawn && now - lastDraw < REDRAW_NANOS)) {
            return;
        }
        lastDraw = now;
        drawn = true;
        out.print("\r" + render(done, total));
        out.flush();
    }

    void finish() {
        if (drawn) {
            out.print("\r" + " ".repeat(render(total, total).length()) + "\r");
            out.flush();
        }
    }

    String render(long done, long of) {
        double fraction = of == 0 ? 1 : Math.min(1, (double) done / of);
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format(Locale.ROOT, "%s [%s%s] %3d%%  %d/%d records", label, "#".repeat(filled),
                "-".repeat(WIDTH - filled), Math.round(fraction * 100), done, of);
    }
}
