package io.turnout.app.carts;

import org.springframework.data.repository.ListCrudRepository;

/** The published cart triggers in the control database. */
public interface CartTriggerRecords extends ListCrudRepository<CartTrigger, String> {

}
