package io.turnout.app.admin;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the admin API ({@code turnout.admin.*}).
 *
 * @param tokens the admin tokens, by the name of who holds each (the name is what the
 * audit trail records): {@code turnout.admin.tokens.ops=...}, or the environment variable
 * {@code TURNOUT_ADMIN_TOKENS_OPS}. With none, every change over HTTP is refused.
 */
@ConfigurationProperties("turnout.admin")
public record AdminProperties(@DefaultValue Map<String, String> tokens) {
}
