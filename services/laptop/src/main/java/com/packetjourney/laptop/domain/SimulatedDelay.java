package com.packetjourney.laptop.domain;

import com.packetjourney.contracts.Refused;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much simulated time passes before a journey starts: an ISO-8601 duration ("PT10M", "P1D") or the shorthand
 * people type ("10m", "90s", "2h", "1d", "1h30m").
 */
public final class SimulatedDelay {
    private static final Pattern SHORTHAND = Pattern.compile("(?:\\d+[dhms])+");
    private static final Pattern PART = Pattern.compile("(\\d+)([dhms])");

    private SimulatedDelay() {
    }

    /** @throws Refused naming the field "after" when the text is no duration or a negative one */
    public static Duration parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        Duration delay = t.startsWith("p") || t.startsWith("-p") ? iso(text.trim()) : shorthand(t);
        if (delay.isNegative()) {
            throw Refused.invalid("after", "must not be negative: simulated time only moves forward");
        }
        return delay;
    }

    private static Duration iso(String text) {
        try {
            return Duration.parse(text);
        } catch (DateTimeParseException e) {
            throw invalid(text);
        }
    }

    private static Duration shorthand(String text) {
        if (!SHORTHAND.matcher(text).matches()) {
            throw invalid(text);
        }
        Duration total = Duration.ZERO;
        Matcher part = PART.matcher(text);
        try {
            while (part.find()) {
                long amount = Long.parseLong(part.group(1));
                total = total.plus(switch (part.group(2)) {
                    case "d" -> Duration.ofDays(amount);
                    case "h" -> Duration.ofHours(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofSeconds(amount);
                });
            }
        } catch (ArithmeticException | NumberFormatException e) {
            throw Refused.invalid("after", "'" + text + "' is too long a duration");
        }
        return total;
    }

    private static Refused invalid(String text) {
        return Refused.invalid("after", "'" + text + "' is not a duration: give an ISO-8601 duration "
                + "such as PT10M, or 10m, 90s, 2h, 1d, 1h30m");
    }
}
