package com.packetjourney.cli;

import picocli.CommandLine.Option;

/** -h, --help on every command: prints its usage and does nothing else. */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit (nothing else is done)")
    boolean help;
}
