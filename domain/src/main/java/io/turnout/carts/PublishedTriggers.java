package io.turnout.carts;

import java.time.Instant;
import java.util.Collection;
import java.util.Set;

/**
 * The carts whose trigger was published: kept apart from the warehouse, in the control
 * database.
 */
public interface PublishedTriggers {

	Set<String> publishedAmong(Collection<String> sessionIds);

	void markPublished(Collection<String> sessionIds, Instant at);

}
