package com.packetjourney.cli;

import com.packetjourney.contracts.journey.JourneyStatus;
import picocli.CommandLine.Help.Ansi;

/**
 * Colour for people at a terminal: on when picocli's detection says the output is one (a console, and neither
 * NO_COLOR nor picocli.ansi=false set), off otherwise, so piped and captured output stays plain text.
 */
public final class Style {
    private static volatile boolean enabled;

    private Style() {
    }

    /** Decided once at start-up: {@link Ansi#AUTO} honours NO_COLOR and only colours a terminal. */
    static void detect() {
        enabled = Ansi.AUTO.enabled();
    }

    static boolean enabled() {
        return enabled;
    }

    static String green(String text) {
        return paint("32", text);
    }

    static String red(String text) {
        return paint("31", text);
    }

    static String yellow(String text) {
        return paint("33", text);
    }

    static String bold(String text) {
        return paint("1", text);
    }

    static String dim(String text) {
        return paint("2", text);
    }

    /** An outcome in its colour: completed green, failed red, stalled and in progress yellow. */
    static String status(JourneyStatus status, String text) {
        if (status == null) {
            return text;
        }
        return switch (status) {
            case COMPLETED -> green(text);
            case FAILED -> red(text);
            case STALLED, IN_PROGRESS -> yellow(text);
        };
    }

    private static String paint(String sgr, String text) {
        return enabled && !text.isEmpty() ? "\u001b[" + sgr + "m" + text + "\u001b[0m" : text;
    }
}
