package io.turnout.app.carts;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Set;

import io.turnout.carts.PublishedTriggers;

import org.springframework.stereotype.Component;

/** {@link PublishedTriggers} kept in the control database (Spring Data JDBC). */
@Component
class ControlDatabasePublishedTriggers implements PublishedTriggers {

	private final CartTriggerRecords records;

	ControlDatabasePublishedTriggers(CartTriggerRecords records) {
		this.records = records;
	}

	@Override
	public Set<String> publishedAmong(Collection<String> sessionIds) {
		Set<String> published = new HashSet<>();
		this.records.findAllById(sessionIds).forEach(trigger -> published.add(trigger.sessionId()));
		return published;
	}

	@Override
	public void markPublished(Collection<String> sessionIds, Instant at) {
		this.records.saveAll(sessionIds.stream().map(id -> new CartTrigger(id, at, null)).toList());
	}

}
