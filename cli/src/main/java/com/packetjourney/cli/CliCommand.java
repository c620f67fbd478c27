package com.packetjourney.cli;

import com.packetjourney.contracts.journey.JourneyStatus;
import com.packetjourney.contracts.journey.JourneyView;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

/** What every subcommand shares: the root command's settings, the stack it talks to, where it prints. */
abstract class CliCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    HelpOption help;

    PacketJourney root() {
        return (PacketJourney) spec.root().userObject();
    }

    PrintStream out() {
        return System.out;
    }

    PrintStream err() {
        return System.err;
    }

    /** The stack this command talks to (see {@link StackLocator}). */
    StackLocator.Located stack() {
        return root().locator().locate(root().stackFile);
    }

    StackClient client() {
        return new StackClient(stack().state());
    }

    /** Exit code 0 for a completed journey (or one still under way), 1 for a failed or stalled one. */
    static int exitCodeOf(JourneyView j) {
        return j.status() == JourneyStatus.FAILED || j.status() == JourneyStatus.STALLED ? ExitCode.FAILED : ExitCode.OK;
    }

    /** An unfinished journey after the CLI stopped waiting for it is shown as stalled. */
    static JourneyView stalledIfUnfinished(JourneyView j) {
        if (j.status() != JourneyStatus.IN_PROGRESS) {
            return j;
        }
        return new JourneyView(j.journeyId(), JourneyStatus.STALLED, j.url(), j.client(), j.simStartedAt(),
                j.simTotalMicros(), j.lastHop(), j.failedHop(), j.failureCode(), j.failureMessage(), j.httpStatus(),
                j.hops());
    }

    /** What a journey being waited for has reached so far, for the status line. */
    static String progressOf(String what, Optional<JourneyView> j, Duration waited) {
        String reached = j.map(v -> Plural.of(v.hops().size(), "hop") + " so far, the last " + v.lastHop())
                .orElse("not in journey-log yet");
        return String.format(Locale.ROOT, "waiting for %s: %s (%d s)", what, reached, waited.toSeconds());
    }
}
