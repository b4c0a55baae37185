package io.turnout.app.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/** The {@code --name=value} and {@code --flag} options of a command. */
record Options(Map<String, String> values) {

	static Options of(String[] args) {
		Map<String, String> values = new HashMap<>();
		for (String arg : args) {
			if (arg.startsWith("--")) {
				int equals = arg.indexOf('=');
				if (equals < 0) {
					values.put(arg.substring(2), "true");
				}
				else {
					values.put(arg.substring(2, equals), arg.substring(equals + 1));
				}
			}
		}
		return new Options(values);
	}

	boolean flag(String name) {
		return "true".equals(this.values.get(name));
	}

	LocalDate date(String name) {
		String value = this.values.get(name);
		if (value == null) {
			throw new UsageException("--" + name + "=YYYY-MM-DD is required.");
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new UsageException("--" + name + "=" + value + " is not a date like 2026-11-25.");
		}
	}

	LocalDate dateOr(String name, LocalDate otherwise) {
		return this.values.containsKey(name) ? date(name) : otherwise;
	}

	int intOr(String name, int otherwise) {
		String value = this.values.get(name);
		if (value == null) {
			return otherwise;
		}
		try {
			return Integer.parseInt(value);
		}
		catch (NumberFormatException ex) {
			throw new UsageException("--" + name + "=" + value + " is not a whole number.");
		}
	}

}
