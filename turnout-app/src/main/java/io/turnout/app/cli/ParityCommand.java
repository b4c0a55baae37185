package io.turnout.app.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import io.turnout.app.migration.ParityChecks;
import io.turnout.app.migration.ParityReport;
import io.turnout.usecases.UseCase;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code parity <use-case> --date=D}: compares a day of the tables and their shadow
 * copies.
 */
final class ParityCommand implements Command {

	private final String useCase;

	private final Options options;

	private ParityCommand(String useCase, Options options) {
		this.useCase = useCase;
		this.options = options;
	}

	static ParityCommand of(List<String> words, Options options) {
		return new ParityCommand((words.size() > 1) ? words.get(1) : null, options);
	}

	@Override
	public String name() {
		return "parity";
	}

	@Override
	public String help() {
		return """
				Usage: java -jar turnout.jar parity <use-case> --date=YYYY-MM-DD

				Compares one day of the use case's tables (the nightly job's) with their _shadow copies
				(the streaming function's, while it runs shadow) by key, on every column but the
				processing times (received_at, *_processed_at), and records the report in the control
				database, as the nightly run of a shadow use case does. Prints rows on each side, missing,
				extra and mismatched keys with a few examples. Exit 0 when the day passed, 1 when not.
				""";
	}

	@Override
	public void validate() {
		if (this.useCase == null) {
			throw new UsageException("parity needs a use case, e.g. 'parity sessions --date=2026-11-25'.");
		}
		try {
			UseCase.fromCode(this.useCase);
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(ex.getMessage());
		}
		this.options.date("date");
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of("spring.main.lazy-initialization", true);
	}

	@Override
	public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
		ParityReport report = context.getBean(ParityChecks.class)
			.run(UseCase.fromCode(this.useCase), this.options.date("date"));
		String format = "%-18s %10s %10s %8s %8s %10s  %s%n";
		out.printf(format, "TABLE", "BATCH", "SHADOW", "MISSING", "EXTRA", "MISMATCHED", "EXAMPLES");
		for (ParityReport.TableResult table : report.tables()) {
			out.printf(format, table.tableName(), table.batchRows(), table.shadowRows(), table.missing(), table.extra(),
					table.mismatched(), String.join(", ", table.examples().lines().toList()));
		}
		out.println(this.useCase + " " + report.businessDate() + ": parity " + (report.passed() ? "passed" : "FAILED"));
		return report.passed() ? TurnoutCommandLine.OK : TurnoutCommandLine.FAILED;
	}

}
