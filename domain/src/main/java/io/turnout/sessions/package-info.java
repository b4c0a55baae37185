/**
 * The sessions use case: activity events grouped per session key into sessions, with
 * their source, medium, channel group and customer key.
 */
package io.turnout.sessions;
