package io.turnout.app.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.turnout.app.migration.Caller;
import io.turnout.app.migration.ModeChangeResult;
import io.turnout.app.migration.ModeChanges;
import io.turnout.app.migration.UseCaseState;
import io.turnout.app.migration.UseCaseStates;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code mode show}, {@code mode set <use-case> <mode> [--force]} and
 * {@code mode clear <use-case>}: the run-time modes of migration.md, in the control
 * database.
 */
final class ModeCommand implements Command {

	private final String action;

	private final List<String> arguments;

	private final Options options;

	private ModeCommand(String action, List<String> arguments, Options options) {
		this.action = action;
		this.arguments = arguments;
		this.options = options;
	}

	static ModeCommand of(List<String> words, Options options) {
		String action = (words.size() > 1) ? words.get(1) : null;
		if (action == null || !List.of("show", "set", "clear").contains(action)) {
			throw new UsageException("mode needs 'show', 'set' or 'clear'.");
		}
		return new ModeCommand(action, words.subList(2, words.size()), options);
	}

	@Override
	public String name() {
		return "mode " + this.action;
	}

	@Override
	public String help() {
		return """
				Usage: java -jar turnout.jar mode show
				       java -jar turnout.jar mode set <use-case> <batch|shadow|streaming> [--force] [--reason=...]
				       java -jar turnout.jar mode clear <use-case> [--reason=...]

				show lists each use case with its configured mode, its run-time override, the effective
				mode, its last completed nightly day and last nightly run, and its latest parity checks.
				LAG is what the events function's consumer group has not committed; it is shown when
				this command is given the Kafka cluster (spring.kafka.bootstrap-servers), and always in
				serve's GET /admin/use-cases (an in-process broker lives only inside its serve).

				set overrides a use case's mode until cleared; clear returns it to its configured mode.
				Running instances follow within seconds, without a restart. A change that breaks the
				dependency rule is refused, as is a switch to streaming unless the last
				turnout.migration.required-parity-days closed days passed the parity check in shadow;
				--force overrides that guard (never the dependency rule) and is recorded as forced. No
				change is made while the use case's nightly job runs. Every attempt, allowed or refused,
				is recorded with who (the OS user), when and why. Exit 0 when applied, 1 when refused.

				These read and write only the control database, so they run beside a running 'serve'.
				""";
	}

	@Override
	public void validate() {
		int needed = switch (this.action) {
			case "set" -> 2;
			case "clear" -> 1;
			default -> 0;
		};
		if (this.arguments.size() < needed) {
			throw new UsageException(
					name() + " needs " + (needed == 2 ? "a use case and a mode, e.g. 'mode set sessions shadow'."
							: "a use case, e.g. 'mode clear sessions'."));
		}
	}

	@Override
	public Map<String, Object> properties() {
		// Only what the command needs is created: no warehouse, no Kafka.
		return Map.of("spring.main.lazy-initialization", true);
	}

	@Override
	public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
		if (this.action.equals("show")) {
			print(context.getBean(UseCaseStates.class).all(), out);
			return TurnoutCommandLine.OK;
		}
		ModeChanges changes = context.getBean(ModeChanges.class);
		String reason = this.options.values().get("reason");
		ModeChangeResult result = this.action.equals("set") ? changes.set(this.arguments.get(0), this.arguments.get(1),
				this.options.flag("force"), reason, Caller.commandLine())
				: changes.clear(this.arguments.get(0), reason, Caller.commandLine());
		if (!result.applied()) {
			err.println("Refused: " + result.message());
			return TurnoutCommandLine.FAILED;
		}
		out.println(result.message());
		return TurnoutCommandLine.OK;
	}

	static void print(List<UseCaseState> states, PrintStream out) {
		String format = "%-17s %-10s %-10s %-10s %-12s %-24s %-6s %s%n";
		out.printf(format, "USE CASE", "CONFIGURED", "OVERRIDE", "EFFECTIVE", "LAST NIGHTLY", "LAST RUN", "LAG",
				"PARITY (newest first)");
		for (UseCaseState state : states) {
			String lastRun = (state.lastNightlyRun() != null)
					? state.lastNightlyRun().businessDate() + " " + state.lastNightlyRun().status() : "-";
			String parity = state.parity().isEmpty() ? "-"
					: state.parity()
						.stream()
						.limit(3)
						.map(p -> p.day() + (p.passed() ? " passed" : " FAILED"))
						.collect(Collectors.joining(", "));
			out.printf(format, state.useCase(), state.configuredMode(),
					(state.override() != null) ? state.override().mode() : "-", state.effectiveMode(),
					(state.lastCompletedDay() != null) ? state.lastCompletedDay() : "-", lastRun,
					(state.consumerLag() != null) ? state.consumerLag() : "-", parity);
		}
	}

}
