package io.turnout.app.migration;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.turnout.migration.DayParity;
import io.turnout.migration.TableParity;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/** A stored parity check of one shadow day: an aggregate of its compared tables. */
@Table("turnout_parity_report")
public record ParityReport(@Id Long id, String useCase, LocalDate businessDate, Instant checkedAt, boolean passed,
		@MappedCollection(idColumn = "parity_report", keyColumn = "position") List<TableResult> tables) {

	static ParityReport of(DayParity parity, Instant checkedAt) {
		return new ParityReport(null, parity.useCase().code(), parity.day(), checkedAt, parity.passed(),
				parity.tables().stream().map(TableResult::of).toList());
	}

	/** One sentence per table that differs, or that every table agrees. */
	public String summary() {
		if (this.passed) {
			return "passed: "
					+ String.join(", ", this.tables.stream().map(t -> t.tableName() + " " + t.batchRows()).toList())
					+ " rows on both sides";
		}
		return "failed: " + String.join("; ",
				this.tables.stream()
					.filter(t -> !t.passed())
					.map(t -> t.tableName() + " " + t.batchRows() + " rows, shadow " + t.shadowRows() + ", missing "
							+ t.missing() + ", extra " + t.extra() + ", mismatched " + t.mismatched() + " (e.g. "
							+ String.join(", ", t.examples().lines().toList()) + ")")
					.toList());
	}

	/** One table of the check. */
	@Table("turnout_parity_table")
	public record TableResult(String tableName, long batchRows, long shadowRows, long missing, long extra,
			long mismatched, String examples) {

		static TableResult of(TableParity parity) {
			return new TableResult(parity.table(), parity.batchRows(), parity.shadowRows(), parity.missing(),
					parity.extra(), parity.mismatched(), String.join("\n", parity.examples()));
		}

		public boolean passed() {
			return this.missing == 0 && this.extra == 0 && this.mismatched == 0;
		}

	}

}
