package io.turnout.app.usecases;

import org.springframework.data.repository.ListCrudRepository;

/** The run-time mode overrides in the control database. */
public interface ModeOverrides extends ListCrudRepository<ModeOverride, String> {

}
