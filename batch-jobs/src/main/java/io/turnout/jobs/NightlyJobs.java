package io.turnout.jobs;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.parameters.InvalidJobParametersException;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.launch.JobExecutionAlreadyRunningException;
import org.springframework.batch.core.launch.JobInstanceAlreadyCompleteException;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.launch.JobRestartException;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;

/**
 * Runs one nightly job for one business date, as {@code job run} and the scheduler do.
 *
 * <p>
 * What a run does depends on the day's state: a day never run starts; a FAILED or STOPPED
 * run restarts where it stopped (same identifying {@code businessDate}); a COMPLETED day
 * is not run again unless asked ({@code rerun}), which adds a new identifying
 * {@code run.id}. Writes are idempotent, so a re-run is safe.
 */
public class NightlyJobs {

	/** The job parameter every nightly job runs for: the day, a {@code LocalDate}. */
	public static final String BUSINESS_DATE = "businessDate";

	private static final Logger log = LoggerFactory.getLogger(NightlyJobs.class);

	private final JobOperator jobOperator;

	private final JobRepository jobRepository;

	private final Map<String, Job> jobsByUseCase;

	private final UseCaseLeases leases;

	private final AfterNightlyRun afterRun;

	public NightlyJobs(JobOperator jobOperator, JobRepository jobRepository, List<Job> jobs, UseCaseLeases leases,
			AfterNightlyRun afterRun) {
		this.jobOperator = jobOperator;
		this.jobRepository = jobRepository;
		this.jobsByUseCase = jobs.stream().collect(Collectors.toMap(Job::getName, Function.identity()));
		this.leases = leases;
		this.afterRun = afterRun;
	}

	public boolean hasJob(String useCase) {
		return this.jobsByUseCase.containsKey(useCase);
	}

	public JobRun run(String useCase, LocalDate businessDate, boolean rerun) {
		return run(useCase, businessDate, rerun, false);
	}

	/**
	 * @param recover first mark an execution of the day that is still recorded as running
	 * as FAILED, because its process is gone (killed, or its machine lost), so that it
	 * restarts where it stopped
	 */
	public JobRun run(String useCase, LocalDate businessDate, boolean rerun, boolean recover) {
		Job job = this.jobsByUseCase.get(useCase);
		if (job == null) {
			return new JobRun(JobRun.Outcome.FAILED, "There is no nightly job for use case '" + useCase
					+ "'; jobs exist for " + this.jobsByUseCase.keySet() + ".");
		}
		JobParametersBuilder parameters = new JobParametersBuilder().addLocalDate(BUSINESS_DATE, businessDate, true);
		if (rerun) {
			parameters.addLong("run.id", Instant.now().toEpochMilli(), true);
		}
		JobParameters jobParameters = parameters.toJobParameters();
		if (recover) {
			JobExecution last = this.jobRepository.getLastJobExecution(job.getName(), jobParameters);
			if (last != null && last.isRunning()) {
				log.warn("use case {}, day {}: marking execution {} ({}) as FAILED so that it restarts", useCase,
						businessDate, last.getId(), last.getStatus());
				this.jobOperator.recover(last);
			}
			this.leases.holderOf(useCase).ifPresent(lease -> {
				log.warn("use case {}: releasing the lease of a process that is gone: {}", useCase, lease.describe());
				this.leases.release(useCase);
			});
		}
		Optional<UseCaseLeases.Lease> held = this.leases.take(useCase, "nightly job for " + businessDate);
		if (held.isPresent()) {
			return new JobRun(JobRun.Outcome.FAILED,
					"The " + useCase + " job for " + businessDate + " cannot start: the " + held.get().describe()
							+ " is already running on this use case. Run the job again once it is done; if its "
							+ "process is gone (killed), add --recover.");
		}
		try {
			log.info("use case {}, day {}: nightly job starting{}", useCase, businessDate, rerun ? " (re-run)" : "");
			JobExecution execution = this.jobOperator.start(job, jobParameters);
			JobRun run = JobRun.of(execution);
			if (run.outcome() == JobRun.Outcome.COMPLETED) {
				try {
					this.afterRun.completed(useCase, businessDate);
				}
				catch (RuntimeException ex) {
					// The day's tables are done; only what follows them failed.
					log.error("use case {}, day {}: the job completed, what follows it failed", useCase, businessDate,
							ex);
					return new JobRun(JobRun.Outcome.COMPLETED, run.message() + " (the parity check after it failed: "
							+ ex.getMessage() + "; run it with 'parity " + useCase + " --date=" + businessDate + "')");
				}
			}
			return run;
		}
		catch (JobInstanceAlreadyCompleteException ex) {
			return new JobRun(JobRun.Outcome.ALREADY_COMPLETE, "The " + useCase + " job for " + businessDate
					+ " already completed; nothing was done. Add --rerun to run the day again.");
		}
		catch (JobExecutionAlreadyRunningException ex) {
			return new JobRun(JobRun.Outcome.FAILED, "The " + useCase + " job for " + businessDate
					+ " is already running (in this or another process sharing the control database). If no "
					+ "process runs it any more (it was killed), add --recover to mark it failed and restart it "
					+ "where it stopped.");
		}
		catch (JobRestartException | InvalidJobParametersException ex) {
			return new JobRun(JobRun.Outcome.FAILED, ex.getMessage());
		}
		finally {
			this.leases.release(useCase);
		}
	}

	/**
	 * What runs after a nightly job completed its day: the parity check of a shadow day.
	 */
	@FunctionalInterface
	public interface AfterNightlyRun {

		void completed(String useCase, LocalDate businessDate);

	}

	/** How a run ended, with a sentence for the operator. */
	public record JobRun(Outcome outcome, String message) {

		public enum Outcome {

			COMPLETED, ALREADY_COMPLETE, FAILED

		}

		static JobRun of(JobExecution execution) {
			if (execution.getStatus() == BatchStatus.COMPLETED) {
				String summary = execution.getStepExecutions()
					.stream()
					.map(step -> step.getExitStatus().getExitDescription())
					.filter(description -> !description.isBlank())
					.collect(Collectors.joining("; "));
				long read = execution.getStepExecutions().stream().mapToLong(StepExecution::getReadCount).sum();
				double seconds = Math.max(0.001,
						Duration.between(execution.getStartTime(), execution.getEndTime()).toNanos() / 1e9);
				String rate = (read > 0) ? String.format(Locale.ROOT, " (%,.0f messages/s)", read / seconds) : "";
				return new JobRun(Outcome.COMPLETED,
						String.format(Locale.ROOT, "Completed in %.1f s%s: %s", seconds, rate, summary));
			}
			String reason = execution.getAllFailureExceptions()
				.stream()
				.map(NightlyJobs::rootMessage)
				.findFirst()
				.orElseGet(() -> execution.getStepExecutions()
					.stream()
					.map(StepExecution::getExitStatus)
					.map(status -> status.getExitDescription())
					.filter(description -> !description.isBlank())
					.findFirst()
					.orElse(execution.getExitStatus().getExitCode()));
			return new JobRun(Outcome.FAILED,
					execution.getStatus() + ": " + reason + " Run the same command again to restart where it stopped.");
		}

	}

	private static String rootMessage(Throwable failure) {
		Throwable current = failure;
		StringBuilder message = new StringBuilder(String.valueOf(failure.getMessage()));
		while (current.getCause() != null && current.getCause() != current) {
			current = current.getCause();
			if (current.getMessage() != null && !message.toString().contains(current.getMessage())) {
				message.append(" Caused by: ").append(current.getMessage());
			}
		}
		return message.toString();
	}

}
