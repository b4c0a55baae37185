package io.turnout.app.migration;

import java.util.List;

import org.springframework.data.repository.ListCrudRepository;

/** The audit trail of mode changes. */
public interface ModeChangeRecords extends ListCrudRepository<ModeChangeRecord, Long> {

	List<ModeChangeRecord> findByUseCaseOrderByIdDesc(String useCase);

}
