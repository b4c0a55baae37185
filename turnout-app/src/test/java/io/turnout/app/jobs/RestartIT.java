package io.turnout.app.jobs;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.stream.IntStream;

import io.turnout.app.testing.RunningTurnout;
import io.turnout.events.EventTables;
import io.turnout.events.EventWarehouse;
import io.turnout.jobs.NightlyJobs.JobRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Restart is a test (spring-batch RestartFunctionalTests): a run that fails in its fourth
 * chunk completes when run again, from where it stopped, with every row exactly once.
 */
class RestartIT {

	static final AtomicInteger transactions = new AtomicInteger();

	static final AtomicInteger failuresLeft = new AtomicInteger();

	@TempDir
	Path home;

	@Test
	void aRunThatFailedInAChunkRestartsWhereItStoppedAndCompletesCorrectly() {
		List<String> lines = IntStream.range(0, 95)
			.mapToObj(i -> LakeFiles.page(String.format("restart-%02d", i), "2026-06-01T10:00:00Z"))
			.toList();
		LakeFiles.write(this.home.resolve("lake/events/dt=2026-06-01/part-000.jsonl"), lines.subList(0, 50));
		LakeFiles.write(this.home.resolve("lake/events/dt=2026-06-01/part-001.jsonl"), lines.subList(50, 95));
		failuresLeft.set(1);
		transactions.set(0);
		try (RunningTurnout turnout = RunningTurnout.jobsOnly(this.home, Map.of("turnout.batch.chunk-size", "10"),
				FailInTheFourthChunk.class)) {
			LocalDate day = LocalDate.parse("2026-06-01");

			JobRun failed = turnout.runJob("events", day, false);

			assertThat(failed.outcome()).isEqualTo(JobRun.Outcome.FAILED);
			assertThat(failed.message()).contains("the warehouse went away");
			assertThat(turnout.count("events")).isEqualTo(30);

			JobRun restarted = turnout.runJob("events", day, false);

			assertThat(restarted.outcome()).as(restarted.message()).isEqualTo(JobRun.Outcome.COMPLETED);
			assertThat(turnout.query("SELECT count(*), count(DISTINCT event_id) FROM marketing.events"))
				.containsExactly(List.of("95", "95"));
			JdbcTemplate control = turnout.context().getBean(JdbcTemplate.class);
			assertThat(control.queryForList(
					"SELECT s.READ_COUNT FROM BATCH_STEP_EXECUTION s " + "ORDER BY s.STEP_EXECUTION_ID", Long.class))
				.as("the second execution read only what the first had not committed")
				.containsExactly(40L, 65L);
		}
	}

	/**
	 * Wraps the warehouse so that its fourth transaction fails once, like a connection
	 * lost mid-job.
	 */
	@Configuration(proxyBeanMethods = false)
	static class FailInTheFourthChunk {

		@Bean
		static BeanPostProcessor failingWarehouse() {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					if (bean instanceof EventWarehouse warehouse && !(bean instanceof FailingWarehouse)) {
						return new FailingWarehouse(warehouse);
					}
					return bean;
				}
			};
		}

	}

	static final class FailingWarehouse implements EventWarehouse {

		private final EventWarehouse delegate;

		FailingWarehouse(EventWarehouse delegate) {
			this.delegate = delegate;
		}

		@Override
		public <T> T inOneTransaction(Function<EventTables, T> work) {
			if (transactions.incrementAndGet() == 4 && failuresLeft.getAndDecrement() > 0) {
				throw new IllegalStateException("the warehouse went away");
			}
			return this.delegate.inOneTransaction(work);
		}

	}

}
