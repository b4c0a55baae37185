package io.turnout.app.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;

/** One command of the command line: what it needs started, and what it does then. */
interface Command {

	String name();

	String help();

	/** Checks the command's own arguments before anything starts. */
	default void validate() {
	}

	/** Properties this command sets (the user's --name=value still win). */
	Map<String, Object> properties();

	default List<String> profiles() {
		return List.of();
	}

	default boolean needsWebServer() {
		return false;
	}

	/** {@code serve} keeps the context open after {@link #execute} returns. */
	default boolean keepsRunning() {
		return false;
	}

	int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err);

}
