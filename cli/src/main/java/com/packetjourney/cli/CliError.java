package com.packetjourney.cli;

/**
 * A failure the CLI explains in its own words (never with a stack trace), and the exit code it ends with: see
 * {@link ExitCode}. {@code hint} says what to do about it, on a line of its own; it may be null.
 */
public final class CliError extends RuntimeException {
    private final int exitCode;
    private final String hint;

    private CliError(int exitCode, String message, String hint, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
        this.hint = hint;
    }

    /** The command line asks for something that cannot be: exit code 2. */
    public static CliError usage(String message) {
        return new CliError(ExitCode.USAGE, message, null, null);
    }

    /** The command ran and what it was asked to do did not happen: exit code 1. */
    public static CliError failure(String message) {
        return new CliError(ExitCode.FAILED, message, null, null);
    }

    /** A service or the broker did not answer at {@code address}: exit code 3, with what to do about it. */
    public static CliError unreachable(String message, String hint, Throwable cause) {
        return new CliError(ExitCode.UNREACHABLE, message, hint, cause);
    }

    public int exitCode() {
        return exitCode;
    }

    public String hint() {
        return hint;
    }
}
