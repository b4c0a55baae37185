package io.turnout.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time forms events.md accepts:
 * {@code YYYY-MM-DDTHH:MM[:SS[.fraction]][Z|+HH:MM|-HH:MM]}.
 *
 * <p>
 * No offset means UTC; more than six fraction digits are truncated to microseconds;
 * anything else (a space for {@code T}, a date alone, {@code +0200}, an impossible date)
 * is not a time.
 */
public final class Timestamps {

	private static final Pattern FORM = Pattern
		.compile("(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2})(?::(\\d{2})(?:\\.(\\d+))?)?(Z|[+-]\\d{2}:\\d{2})?");

	private Timestamps() {
	}

	public static Optional<Instant> parse(String text) {
		Matcher m = FORM.matcher(text);
		if (!m.matches()) {
			return Optional.empty();
		}
		try {
			int nanos = 0;
			if (m.group(7) != null) {
				String micros = (m.group(7) + "000000").substring(0, 6);
				nanos = Integer.parseInt(micros) * 1000;
			}
			LocalDateTime local = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
					Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
					(m.group(6) != null) ? Integer.parseInt(m.group(6)) : 0, nanos);
			String offset = m.group(8);
			ZoneOffset zone = (offset == null || offset.equals("Z")) ? ZoneOffset.UTC : ZoneOffset.of(offset);
			return Optional.of(local.toInstant(zone));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** The form the collector writes {@code receivedAt} in: UTC, microseconds. */
	public static String format(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS).toString();
	}

}
