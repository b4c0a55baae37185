package io.turnout.events;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import io.turnout.jobs.NightlyJobs;
import io.turnout.lake.LakeLayout;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.job.parameters.JobParametersBuilder;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.test.MetaDataInstanceFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * One reader serves the events step's runs one after the other, each reading the lake day
 * of its own business date.
 */
class EventsStepReaderTest {

	private static final LocalDate MONDAY = LocalDate.parse("2026-03-02");

	private static final LocalDate TUESDAY = LocalDate.parse("2026-03-03");

	private final ExecutorService validationThreads = Executors.newFixedThreadPool(2);

	@TempDir
	Path root;

	@AfterEach
	void stopThreads() {
		this.validationThreads.shutdownNow();
	}

	@Test
	void eachRunReadsTheLakeDayOfItsBusinessDate() throws IOException {
		LakeLayout lake = lakeWith(MONDAY, "monday 1", "monday 2");
		lakeWith(TUESDAY, "tuesday 1");
		EventsStepReader reader = reader(lake);

		assertThat(run(reader, MONDAY)).containsExactly("monday 1", "monday 2");
		assertThat(reader.fractionRead()).isEqualTo(1.0);
		assertThat(run(reader, TUESDAY)).containsExactly("tuesday 1");
	}

	@Test
	void aSecondRunWhileOneIsOpenIsRefusedNamingTheDay() throws IOException {
		EventsStepReader reader = reader(lakeWith(MONDAY, "monday 1"));
		reader.beforeStep(stepOf(MONDAY));
		reader.open(new ExecutionContext());

		assertThatThrownBy(() -> reader.open(new ExecutionContext())).isInstanceOf(ItemStreamException.class)
			.hasMessageContaining("already running")
			.hasMessageContaining("2026-03-02");
		reader.close();
		assertThat(run(reader, MONDAY)).containsExactly("monday 1");
	}

	@Test
	void aRunWithoutABusinessDateIsRefused() throws IOException {
		EventsStepReader reader = reader(lakeWith(MONDAY, "monday 1"));
		reader.beforeStep(MetaDataInstanceFactory.createStepExecution(new JobParameters()));

		assertThatThrownBy(() -> reader.open(new ExecutionContext())).isInstanceOf(ItemStreamException.class)
			.hasMessageContaining("'businessDate' is missing");
	}

	private EventsStepReader reader(LakeLayout lake) {
		return new EventsStepReader((day) -> new ValidatedLakeDayReader(new LakeDayReader(lake, day),
				LinesAsOutcomes::outcomeOf, this.validationThreads, 1_000));
	}

	private static List<String> run(EventsStepReader reader, LocalDate day) {
		reader.beforeStep(stepOf(day));
		reader.open(new ExecutionContext());
		List<String> read = new ArrayList<>();
		for (Outcome outcome = reader.read(); outcome != null; outcome = reader.read()) {
			read.add(LinesAsOutcomes.lineOf(outcome));
		}
		reader.close();
		return read;
	}

	private static StepExecution stepOf(LocalDate day) {
		return MetaDataInstanceFactory.createStepExecution(
				new JobParametersBuilder().addLocalDate(NightlyJobs.BUSINESS_DATE, day).toJobParameters());
	}

	private LakeLayout lakeWith(LocalDate day, String... lines) throws IOException {
		LakeLayout lake = new LakeLayout(this.root);
		Files.createDirectories(lake.partition(day));
		Files.write(lake.partition(day).resolve("part-0.jsonl"), List.of(lines));
		return lake;
	}

}
