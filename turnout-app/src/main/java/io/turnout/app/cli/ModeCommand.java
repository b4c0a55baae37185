package io.turnout.app.cli;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

import io.turnout.app.usecases.ConfiguredModes;
import io.turnout.app.usecases.ModeOverrides;
import io.turnout.usecases.UseCase;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/** {@code mode show}: the configured, overridden and effective mode of every use case. */
final class ModeCommand implements Command {

	static ModeCommand of(List<String> words) {
		if (words.size() < 2 || !words.get(1).equals("show")) {
			throw new UsageException("mode needs 'show'.");
		}
		return new ModeCommand();
	}

	@Override
	public String name() {
		return "mode show";
	}

	@Override
	public String help() {
		return """
				Usage: java -jar turnout.jar mode show

				Lists each use case with its configured mode, its run-time override (if any), the
				effective mode and the last business date its nightly job completed. Reads only the
				control database, so it runs beside a running 'serve'.
				""";
	}

	@Override
	public Map<String, Object> properties() {
		// Only what the listing needs is created: no warehouse, no Kafka.
		return Map.of("spring.main.lazy-initialization", true);
	}

	@Override
	public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
		ConfiguredModes modes = context.getBean(ConfiguredModes.class);
		ModeOverrides overrides = context.getBean(ModeOverrides.class);
		JdbcTemplate control = context.getBean(JdbcTemplate.class);
		String format = "%-18s %-11s %-11s %-11s %-16s%n";
		out.printf(format, "USE CASE", "CONFIGURED", "OVERRIDE", "EFFECTIVE", "LAST NIGHTLY DAY");
		for (UseCase useCase : UseCase.values()) {
			String override = overrides.findById(useCase.code()).map(o -> o.mode()).orElse("-");
			List<String> lastDay = control.queryForList("""
					SELECT MAX(p.PARAMETER_VALUE) FROM BATCH_JOB_INSTANCE i
					JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID
					JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID
					WHERE i.JOB_NAME = ? AND e.STATUS = 'COMPLETED' AND p.PARAMETER_NAME = 'businessDate'
					""", String.class, useCase.code());
			String last = (lastDay.isEmpty() || lastDay.get(0) == null) ? "-" : lastDay.get(0);
			out.printf(format, useCase.code(), modes.configuredModeOf(useCase).code(), override,
					modes.modeOf(useCase).code(), last);
		}
		return TurnoutCommandLine.OK;
	}

}
