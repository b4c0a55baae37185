/**
 * Wiring: the platform's settings, the embedded defaults (Kafka, control database) and
 * the application.
 */
package io.turnout.app;
