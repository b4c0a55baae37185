package io.turnout.app.cli;

import java.io.PrintStream;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.turnout.jobs.NightlyJobs;
import io.turnout.jobs.NightlyJobs.JobRun;
import io.turnout.usecases.UseCase;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code job run <use-case> --date=D} and
 * {@code job backfill <use-case> --from=D --to=D}.
 */
final class JobCommand implements Command {

	private final String action;

	private final String useCase;

	private final Options options;

	private JobCommand(String action, String useCase, Options options) {
		this.action = action;
		this.useCase = useCase;
		this.options = options;
	}

	static JobCommand of(List<String> words, Options options) {
		String action = (words.size() > 1) ? words.get(1) : null;
		if (action == null || !(action.equals("run") || action.equals("backfill"))) {
			throw new UsageException("job needs 'run' or 'backfill'.");
		}
		return new JobCommand(action, (words.size() > 2) ? words.get(2) : null, options);
	}

	@Override
	public String name() {
		return "job " + this.action;
	}

	@Override
	public String help() {
		return """
				Usage: java -jar turnout.jar job run <use-case> --date=YYYY-MM-DD [--rerun] [--recover]
				       java -jar turnout.jar job backfill <use-case> --from=YYYY-MM-DD --to=YYYY-MM-DD

				Runs the nightly job of a use case (events) for one business date, reading the lake
				partition dt=YYYY-MM-DD. Exit 0 when it completed, 1 with the reason when it failed.
				A failed or stopped run restarts where it stopped when run again. A completed day is
				not run again unless --rerun is given (writes are idempotent, so a re-run is safe).
				--recover first marks a run that is still recorded as running, but whose process is gone
				(killed, machine lost), as failed, so that it restarts where it stopped.
				backfill re-runs every day from --from to --to, in order, and stops at the first failure.
				""";
	}

	@Override
	public void validate() {
		if (this.useCase == null) {
			throw new UsageException(name() + " needs a use case, e.g. 'job run events --date=2026-11-25'.");
		}
		try {
			UseCase.fromCode(this.useCase);
		}
		catch (IllegalArgumentException ex) {
			throw new UsageException(ex.getMessage());
		}
		if (this.action.equals("run")) {
			this.options.date("date");
		}
		else if (this.options.date("from").isAfter(this.options.date("to"))) {
			throw new UsageException("--from must not be after --to.");
		}
	}

	@Override
	public Map<String, Object> properties() {
		return Map.of();
	}

	@Override
	public int execute(ConfigurableApplicationContext context, PrintStream out, PrintStream err) {
		NightlyJobs jobs = context.getBean(NightlyJobs.class);
		if (this.action.equals("run")) {
			return report(jobs.run(this.useCase, this.options.date("date"), this.options.flag("rerun"),
					this.options.flag("recover")), out, err);
		}
		for (LocalDate day = this.options.date("from"); !day.isAfter(this.options.date("to")); day = day.plusDays(1)) {
			out.println(day + ":");
			int code = report(jobs.run(this.useCase, day, true), out, err);
			if (code != TurnoutCommandLine.OK) {
				return code;
			}
		}
		return TurnoutCommandLine.OK;
	}

	private static int report(JobRun run, PrintStream out, PrintStream err) {
		if (run.outcome() == JobRun.Outcome.FAILED) {
			err.println(run.message());
			return TurnoutCommandLine.FAILED;
		}
		out.println(run.message());
		return TurnoutCommandLine.OK;
	}

}
