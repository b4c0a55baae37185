package io.turnout.collector;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Recognises a source by its write key: HTTP Basic with the key as user name and an empty
 * password (the scheme name in any case), or a {@code writeKey} field in the body. Keys
 * are compared as SHA-256 hashes in constant time, and never kept in clear when
 * configured as a hash.
 */
public final class WriteKeys {

	private final List<KnownSource> sources = new ArrayList<>();

	public WriteKeys(Map<String, CollectorProperties.Source> configured) {
		configured.forEach((name, source) -> {
			String hash = (source.writeKeySha256() != null && !source.writeKeySha256().isBlank())
					? source.writeKeySha256().toLowerCase(Locale.ROOT)
					: (source.writeKey() != null && !source.writeKey().isEmpty()) ? sha256(source.writeKey()) : null;
			if (hash == null) {
				throw new IllegalArgumentException(
						"turnout.collector.sources." + name + " needs a write-key or a write-key-sha256.");
			}
			this.sources.add(new KnownSource(name, HexFormat.of().parseHex(hash), source.allowedOrigins()));
		});
	}

	/**
	 * The source whose key the request carries: Basic auth first, else the body's
	 * writeKey.
	 */
	public Optional<KnownSource> authenticate(String authorization, String bodyWriteKey) {
		String key = (authorization != null) ? basicUser(authorization) : bodyWriteKey;
		if (key == null || key.isEmpty()) {
			return Optional.empty();
		}
		byte[] hash = HexFormat.of().parseHex(sha256(key));
		KnownSource match = null;
		for (KnownSource source : this.sources) {
			if (MessageDigest.isEqual(source.keyHash(), hash)) {
				match = source;
			}
		}
		return Optional.ofNullable(match);
	}

	/**
	 * Every browser origin any source allows: CORS preflights carry no key, so they are
	 * answered for all.
	 */
	public List<String> allowedOrigins() {
		return this.sources.stream().flatMap(source -> source.allowedOrigins().stream()).distinct().toList();
	}

	private static String basicUser(String authorization) {
		int space = authorization.indexOf(' ');
		if (space < 0 || !authorization.substring(0, space).equalsIgnoreCase("basic")) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(authorization.substring(space + 1).trim()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon < 0) ? decoded : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	static String sha256(String key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every Java runtime has SHA-256", ex);
		}
	}

	/** A configured source. */
	public record KnownSource(String name, byte[] keyHash, List<String> allowedOrigins) {

	}

}
