package com.packetjourney.cli;

/** "1 journey", "2 journeys": a count with its noun in the right number. */
public final class Plural {
    private Plural() {
    }

    public static String of(long count, String singular) {
        return of(count, singular, singular + "s");
    }

    public static String of(long count, String singular, String plural) {
        return count + " " + (count == 1 ? singular : plural);
    }
}
