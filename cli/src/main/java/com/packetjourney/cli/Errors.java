package com.packetjourney.cli;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * How the CLI reports what went wrong: one line starting "error:", then what to do; never a Java stack trace
 * unless --verbose asked for it. Usage errors (exit code 2) name the closest valid command or option.
 */
final class Errors {
    private Errors() {
    }

    /** A command line picocli could not parse: what is wrong, the closest valid word, where the help is. */
    static int usage(ParameterException ex, String[] args) {
        PrintStream err = System.err;
        CommandLine cmd = ex.getCommandLine();
        err.println("error: " + describe(ex));
        suggestion(ex).ifPresent(s -> err.println("       did you mean " + s + "?"));
        err.println("see '" + qualifiedName(cmd.getCommandSpec()) + " --help'");
        return ExitCode.USAGE;
    }

    /** A command that failed while running: its exit code, after a line saying why. */
    static int failed(Exception e, CommandLine cmd, boolean verbose) {
        PrintStream err = System.err;
        int code;
        if (e instanceof CliError c) {
            err.println("error: " + c.getMessage());
            if (c.hint() != null) {
                err.println("       " + c.hint());
            }
            code = c.exitCode();
        } else if (e instanceof StackClient.HttpProblem p) {
            err.println(Problems.oneLine(p, cmd.getCommandSpec()));
            code = Problems.exitCode(p);
        } else if (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof UncheckedIOException) {
            err.println("error: " + e.getMessage()); // the CLI's and its libraries' own words
            code = ExitCode.FAILED;
        } else {
            err.println("error: " + unexpected(e) + (verbose ? "" : " (--verbose shows where)"));
            code = ExitCode.FAILED;
        }
        if (verbose) {
            e.printStackTrace(err);
        }
        return code;
    }

    /** An unexpected exception: its innermost message, with the kind of exception it was. */
    static String unexpected(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && (t.getMessage() == null || t instanceof CompletionException
                || t instanceof ExecutionException)) {
            t = t.getCause();
        }
        String kind = t.getClass().getSimpleName();
        return t.getMessage() == null ? kind : t.getMessage() + " (" + kind + ")";
    }

    static String describe(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String first = u.getUnmatched().get(0);
            CommandSpec spec = ex.getCommandLine().getCommandSpec();
            if (u.isUnknownOption()) {
                return "unknown option '" + first + "' for '" + qualifiedName(spec) + "'";
            }
            if (!spec.subcommands().isEmpty() && spec.positionalParameters().isEmpty()) {
                return "unknown command '" + first + "' for '" + qualifiedName(spec) + "'";
            }
            return "unexpected argument '" + first + "' for '" + qualifiedName(spec) + "'";
        }
        String message = ex.getMessage();
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        if (message.startsWith("Missing required subcommand")) {
            return "'" + qualifiedName(spec) + "' needs one of: " + String.join(", ", spec.subcommands().keySet()
                    .stream().filter(n -> !spec.subcommands().get(n).getCommandSpec().usageMessage().hidden()).toList());
        }
        // picocli's wording, made into one line naming the option: "--limit: 'abc' is not a whole number"
        if (message.startsWith("Invalid value for option '")) {
            int end = message.indexOf("': ");
            return message.substring("Invalid value for option '".length(), end) + ": " + message.substring(end + 3);
        }
        if (message.startsWith("Invalid value for positional parameter at index ")) {
            String rest = message.substring(message.indexOf(": ") + 2);
            return ex.getArgSpec() != null ? ex.getArgSpec().paramLabel() + ": " + rest : rest;
        }
        if (message.startsWith("Error: ")) {
            message = message.substring("Error: ".length());
        }
        return message.isEmpty() ? message : Character.toLowerCase(message.charAt(0)) + message.substring(1);
    }

    /** The closest subcommand or option to what was typed, quoted, if one is close enough. */
    static Optional<String> suggestion(ParameterException ex) {
        if (!(ex instanceof UnmatchedArgumentException u) || u.getUnmatched().isEmpty()) {
            return Optional.empty();
        }
        String typed = u.getUnmatched().get(0);
        CommandSpec spec = ex.getCommandLine().getCommandSpec();
        List<String> candidates = new ArrayList<>();
        String word = typed;
        if (u.isUnknownOption()) {
            int eq = typed.indexOf('=');
            word = eq > 0 ? typed.substring(0, eq) : typed;
            for (OptionSpec o : spec.options()) {
                if (!o.hidden()) {
                    candidates.addAll(List.of(o.names()));
                }
            }
        } else {
            spec.subcommands().forEach((name, sub) -> {
                if (!sub.getCommandSpec().usageMessage().hidden()) {
                    candidates.add(name);
                }
            });
        }
        String w = word.toLowerCase(Locale.ROOT);
        return candidates.stream()
                .filter(c -> distance(w, c.toLowerCase(Locale.ROOT)) <= Math.max(2, c.length() / 3)
                        || (w.length() >= 3 && c.toLowerCase(Locale.ROOT).startsWith(w)))
                .min(Comparator.comparingInt((String c) -> distance(w, c.toLowerCase(Locale.ROOT)))
                        .thenComparing(Comparator.naturalOrder()))
                .map(c -> "'" + c + "'");
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours cost 1. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }

    /** "./packet-journey world bgp announce" for a subcommand's help line. */
    static String qualifiedName(CommandSpec spec) {
        return "./" + spec.qualifiedName(" ");
    }
}
