package io.turnout.jobs;

import java.lang.management.ManagementFactory;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Leases on use cases in the control database ({@code turnout_use_case_lease}): a nightly
 * job holds its use case while it runs, and a change of mode takes the lease for its own
 * transaction, so that the two never overlap, across every process sharing the control
 * database.
 *
 * <p>
 * A lease is a row keyed by use case: taking a held one fails at once (or waits for the
 * transaction that is taking it, on the primary key), never on a timer.
 */
public class UseCaseLeases {

	/** This process, as a lease holder: host and process id. */
	public static final String THIS_PROCESS = ManagementFactory.getRuntimeMXBean().getName();

	private final JdbcTemplate control;

	private final Clock clock;

	public UseCaseLeases(JdbcTemplate control, Clock clock) {
		this.control = control;
		this.clock = clock;
	}

	/**
	 * Takes the lease of a use case, or says who holds it.
	 * @return empty when taken; else the holder
	 */
	public Optional<Lease> take(String useCase, String purpose) {
		// No exception for a held lease: in PostgreSQL it would abort the caller's
		// transaction.
		int taken;
		try {
			taken = this.control.update("INSERT INTO turnout_use_case_lease (use_case, holder, purpose, acquired_at) "
					+ "SELECT ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM turnout_use_case_lease WHERE use_case = ?)",
					useCase, THIS_PROCESS, purpose, Timestamp.from(this.clock.instant()), useCase);
		}
		catch (DuplicateKeyException ex) {
			// Taken at the same instant by another transaction.
			taken = 0;
		}
		if (taken == 1) {
			return Optional.empty();
		}
		return holderOf(useCase).or(() -> Optional.of(new Lease(useCase, "another process", "a lease", null)));
	}

	public void release(String useCase) {
		this.control.update("DELETE FROM turnout_use_case_lease WHERE use_case = ?", useCase);
	}

	public Optional<Lease> holderOf(String useCase) {
		List<Lease> leases = this.control.query(
				"SELECT use_case, holder, purpose, acquired_at FROM turnout_use_case_lease WHERE use_case = ?",
				(rs, row) -> new Lease(rs.getString(1), rs.getString(2), rs.getString(3),
						rs.getTimestamp(4).toInstant()),
				useCase);
		return leases.stream().findFirst();
	}

	/** Who holds a use case, and for what. */
	public record Lease(String useCase, String holder, String purpose, Instant acquiredAt) {

		public String describe() {
			return this.purpose + " (held by " + this.holder
					+ ((this.acquiredAt != null) ? " since " + this.acquiredAt : "") + ")";
		}

	}

}
