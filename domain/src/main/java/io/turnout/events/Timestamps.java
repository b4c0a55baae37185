package io.turnout.events;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

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

	private Timestamps() {
	}

	public static Optional<Instant> parse(String text) {
		// Hand-written rather than a regex: every message has one or more times to read.
		int n = text.length();
		if (n < 16 || text.charAt(4) != '-' || text.charAt(7) != '-' || text.charAt(10) != 'T'
				|| text.charAt(13) != ':') {
			return Optional.empty();
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 2);
		int day = digits(text, 8, 2);
		int hour = digits(text, 11, 2);
		int minute = digits(text, 14, 2);
		int second = 0;
		int nanos = 0;
		int i = 16;
		if (i < n && text.charAt(i) == ':') {
			second = digits(text, i + 1, 2);
			i += 3;
			if (i < n && text.charAt(i) == '.') {
				int fractionStart = ++i;
				while (i < n && isDigit(text.charAt(i))) {
					i++;
				}
				int length = i - fractionStart;
				if (length == 0) {
					return Optional.empty();
				}
				int micros = digits(text, fractionStart, Math.min(length, 6));
				for (int pad = length; pad < 6; pad++) {
					micros *= 10;
				}
				nanos = micros * 1000;
			}
		}
		ZoneOffset zone = ZoneOffset.UTC;
		if (i < n) {
			char sign = text.charAt(i);
			if (sign == 'Z' && i + 1 == n) {
				i++;
			}
			else if ((sign == '+' || sign == '-') && i + 6 == n && text.charAt(i + 3) == ':') {
				int offsetHours = digits(text, i + 1, 2);
				int offsetMinutes = digits(text, i + 4, 2);
				if (offsetHours < 0 || offsetMinutes < 0) {
					return Optional.empty();
				}
				try {
					zone = ZoneOffset.ofHoursMinutes((sign == '-') ? -offsetHours : offsetHours,
							(sign == '-') ? -offsetMinutes : offsetMinutes);
				}
				catch (DateTimeException ex) {
					return Optional.empty();
				}
				i += 6;
			}
			else {
				return Optional.empty();
			}
		}
		if (i != n || year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0 || nanos < 0) {
			return Optional.empty();
		}
		try {
			return Optional.of(LocalDateTime.of(year, month, day, hour, minute, second, nanos).toInstant(zone));
		}
		catch (DateTimeException ex) {
			return Optional.empty();
		}
	}

	/** The number written by {@code count} ASCII digits at {@code from}, or -1. */
	private static int digits(String text, int from, int count) {
		if (from + count > text.length()) {
			return -1;
		}
		int value = 0;
		for (int i = from; i < from + count; i++) {
			char c = text.charAt(i);
			if (!isDigit(c)) {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

	private static boolean isDigit(char c) {
		return c >= '0' && c <= '9';
	}

	/** The form the collector writes {@code receivedAt} in: UTC, microseconds. */
	public static String format(Instant instant) {
		return instant.truncatedTo(ChronoUnit.MICROS).toString();
	}

}
