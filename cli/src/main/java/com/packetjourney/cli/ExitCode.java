package com.packetjourney.cli;

/** The CLI's exit codes, as the README documents them. */
public final class ExitCode {
    /** The command did what it was asked; a journey it printed completed. */
    public static final int OK = 0;
    /**
     * A journey failed or stalled (send, show, demo, replay --journey), a re-driven journey fails where the recorded
     * one did not (redrive), or a service refused the change or found nothing to show.
     */
    public static final int FAILED = 1;
    /** A mistake on the command line: an unknown command or option, a malformed value, a missing argument. */
    public static final int USAGE = 2;
    /** The stack or the broker cannot be reached. */
    public static final int UNREACHABLE = 3;

    private ExitCode() {
    }
}
