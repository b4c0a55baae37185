package io.turnout.app.migration;

/**
 * Who asks for a change, and through what.
 *
 * @param name the operator: the OS user on the command line, the admin token's name over
 * HTTP ({@code anonymous} when none was given)
 * @param channel {@code cli} or {@code http}
 */
public record Caller(String name, String channel) {

	public static Caller commandLine() {
		return new Caller(System.getProperty("user.name", "unknown"), "cli");
	}

}
