package io.turnout.app.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import io.turnout.app.TurnoutApplication;
import io.turnout.warehouse.WarehouseException;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;

/**
 * The command line of migration.md: {@code serve}, {@code job run}, {@code job backfill},
 * {@code mode show|set|clear}, {@code parity} and {@code demo}, each with {@code --help}.
 * Exit codes: 0 done, 1 the work failed (the reason is printed), 2 a usage error, 3 the
 * platform could not start.
 */
public class TurnoutCommandLine {

	static final int OK = 0;

	static final int FAILED = 1;

	static final int USAGE = 2;

	static final int CANNOT_START = 3;

	static final String USAGE_TEXT = """
			Usage: java -jar turnout.jar <command> [options] [--property=value ...]

			Commands:
			  serve                                   collector, lake sink, streaming functions, HTTP API
			  job run <use-case> --date=YYYY-MM-DD    one nightly job for one business date
			  job backfill <use-case> --from=YYYY-MM-DD --to=YYYY-MM-DD
			  mode show                               modes, nightly runs and parity per use case
			  mode set <use-case> <mode> [--force]    override a use case's mode at run time
			  mode clear <use-case>                   return a use case to its configured mode
			  parity <use-case> --date=YYYY-MM-DD     compare a day of the tables and their shadow copies
			  demo                                    synthetic traffic through everything, then a summary

			Every command takes --help, and any Spring or turnout.* property as --name=value.
			""";

	private final PrintStream out;

	private final PrintStream err;

	private volatile ConfigurableApplicationContext running;

	public TurnoutCommandLine(PrintStream out, PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public int run(String[] args) {
		if (args.length == 0 || isHelp(args[0])) {
			this.out.print(USAGE_TEXT);
			return (args.length == 0) ? USAGE : OK;
		}
		Command command;
		try {
			command = commandFor(args);
		}
		catch (UsageException ex) {
			this.err.println(ex.getMessage());
			this.err.println();
			this.err.print(USAGE_TEXT);
			return USAGE;
		}
		if (Arrays.stream(args).anyMatch(TurnoutCommandLine::isHelp)) {
			this.out.print(command.help());
			return OK;
		}
		try {
			command.validate();
		}
		catch (UsageException ex) {
			this.err.println(ex.getMessage());
			this.err.println();
			this.err.print(command.help());
			return USAGE;
		}
		ConfigurableApplicationContext context;
		try {
			context = new SpringApplicationBuilder(TurnoutApplication.class)
				.web(command.needsWebServer() ? WebApplicationType.SERVLET : WebApplicationType.NONE)
				.profiles(command.profiles().toArray(String[]::new))
				.run(springArguments(command, args));
		}
		catch (RuntimeException ex) {
			this.err.println("Turnout could not start: " + rootCause(ex));
			return CANNOT_START;
		}
		this.running = context;
		try {
			int code = command.execute(context, this.out, this.err);
			if (code == OK && command.keepsRunning()) {
				awaitClose(context);
			}
			return code;
		}
		catch (RuntimeException ex) {
			this.err.println(command.name() + " failed: " + rootCause(ex));
			return FAILED;
		}
		finally {
			context.close();
			this.running = null;
		}
	}

	/** Stops a running {@code serve}, as Ctrl-C or SIGTERM do. */
	void stop() {
		ConfigurableApplicationContext context = this.running;
		if (context != null) {
			context.close();
		}
	}

	/**
	 * Blocks until the context closes: on SIGTERM or Ctrl-C (Spring's shutdown hook), or
	 * {@link #stop()}.
	 */
	private static void awaitClose(ConfigurableApplicationContext context) {
		CountDownLatch closed = new CountDownLatch(1);
		// A class, not a lambda: Spring reads the event type of a class, but calls a
		// lambda with every event (each handled request...) and catches the
		// ClassCastException each time.
		context.addApplicationListener(new ApplicationListener<ContextClosedEvent>() {

			@Override
			public void onApplicationEvent(ContextClosedEvent event) {
				closed.countDown();
			}

		});
		if (!context.isActive()) {
			return;
		}
		try {
			closed.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * The command's properties as command-line arguments, so that they win over the
	 * packaged application.yml, unless the user gave the same property.
	 */
	static String[] springArguments(Command command, String[] args) {
		List<String> arguments = new ArrayList<>(Arrays.asList(args));
		Map<String, Object> properties = new HashMap<>(command.properties());
		for (String arg : args) {
			if (arg.startsWith("--") && arg.contains("=")) {
				properties.remove(arg.substring(2, arg.indexOf('=')));
			}
		}
		properties.forEach((name, value) -> arguments.add("--" + name + "=" + value));
		return arguments.toArray(String[]::new);
	}

	private static Command commandFor(String[] args) {
		List<String> words = Arrays.stream(args).filter(arg -> !arg.startsWith("-")).toList();
		Options options = Options.of(args);
		return switch (words.get(0)) {
			case "serve" -> new ServeCommand();
			case "job" -> JobCommand.of(words, options);
			case "mode" -> ModeCommand.of(words, options);
			case "parity" -> ParityCommand.of(words, options);
			case "demo" -> new DemoCommand(options);
			default -> throw new UsageException("Unknown command '" + words.get(0) + "'.");
		};
	}

	static boolean isHelp(String arg) {
		return arg.equals("--help") || arg.equals("-h") || arg.equals("help");
	}

	static String rootCause(Throwable failure) {
		Throwable current = failure;
		String warehouse = null;
		while (true) {
			if (current instanceof WarehouseException) {
				// Written for the user: names the warehouse, what was done and why.
				warehouse = current.getMessage();
			}
			if (current.getCause() == null || current.getCause() == current) {
				break;
			}
			current = current.getCause();
		}
		if (warehouse != null) {
			return warehouse;
		}
		String message = current.getMessage();
		return (message != null) ? message : current.toString();
	}

}
