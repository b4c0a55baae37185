package io.turnout.app.migration;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.repository.ListCrudRepository;

/** The stored parity reports. */
public interface ParityReports extends ListCrudRepository<ParityReport, Long> {

	List<ParityReport> findByUseCaseOrderByIdDesc(String useCase);

	/** Whether each checked day of a use case passed, by its latest check. */
	default Map<LocalDate, Boolean> resultsByDay(String useCase) {
		Map<LocalDate, Boolean> results = new HashMap<>();
		// Newest first: the first report of a day is its latest check.
		for (ParityReport report : findByUseCaseOrderByIdDesc(useCase)) {
			results.putIfAbsent(report.businessDate(), report.passed());
		}
		return results;
	}

}
