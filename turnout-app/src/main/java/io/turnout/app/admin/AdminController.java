package io.turnout.app.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.turnout.app.migration.Caller;
import io.turnout.app.migration.ModeChangeRecord;
import io.turnout.app.migration.ModeChangeRecords;
import io.turnout.app.migration.ModeChangeResult;
import io.turnout.app.migration.ModeChangeResult.Refusal;
import io.turnout.app.migration.ModeChanges;
import io.turnout.app.migration.UseCaseState;
import io.turnout.app.migration.UseCaseStates;
import io.turnout.usecases.UseCase;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The admin API (JSON): {@code GET /admin/use-cases} and {@code GET
 * /admin/use-cases/{name}} show the state of the use cases; {@code PUT
 * /admin/use-cases/{name}/mode} with {@code {"mode": ..., "force": ..., "reason": ...}}
 * and {@code DELETE /admin/use-cases/{name}/mode} change it, for callers with an admin
 * token ({@code Authorization: Bearer <token>}). Every change asked for, allowed or
 * refused, is in {@code GET /admin/use-cases/{name}/mode-changes}.
 */
@RestController
@RequestMapping("/admin/use-cases")
class AdminController {

	private final UseCaseStates states;

	private final ModeChanges changes;

	private final ModeChangeRecords audit;

	private final AdminTokens tokens;

	AdminController(UseCaseStates states, ModeChanges changes, ModeChangeRecords audit, AdminProperties properties) {
		this.states = states;
		this.changes = changes;
		this.audit = audit;
		this.tokens = new AdminTokens(properties.tokens());
	}

	@GetMapping
	List<UseCaseState> all() {
		return this.states.all();
	}

	@GetMapping("/{useCase}")
	ResponseEntity<?> one(@PathVariable String useCase) {
		try {
			return ResponseEntity.ok(this.states.of(UseCase.fromCode(useCase)));
		}
		catch (IllegalArgumentException ex) {
			return ResponseEntity.status(HttpStatus.NOT_FOUND).body(Map.of("error", ex.getMessage()));
		}
	}

	@GetMapping("/{useCase}/mode-changes")
	List<ModeChangeRecord> modeChanges(@PathVariable String useCase) {
		return this.audit.findByUseCaseOrderByIdDesc(useCase);
	}

	@PutMapping("/{useCase}/mode")
	ResponseEntity<Map<String, Object>> set(@PathVariable String useCase,
			@RequestBody(required = false) ModeRequest request,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		ModeRequest asked = (request != null) ? request : new ModeRequest(null, false, null);
		Optional<String> holder = this.tokens.holderOf(authorization);
		if (holder.isEmpty()) {
			return answer(unauthorized(useCase, asked.mode(), asked.forced(), authorization));
		}
		if (asked.mode() == null) {
			return answer(this.changes.refuse(Refusal.UNKNOWN_MODE, useCase, null, asked.forced(), http(holder.get()),
					"The request names no mode: send {\"mode\": \"batch|shadow|streaming\"}."));
		}
		return answer(this.changes.set(useCase, asked.mode(), asked.forced(), asked.reason(), http(holder.get())));
	}

	@DeleteMapping("/{useCase}/mode")
	ResponseEntity<Map<String, Object>> clear(@PathVariable String useCase,
			@RequestParam(required = false) String reason,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) String authorization) {
		Optional<String> holder = this.tokens.holderOf(authorization);
		if (holder.isEmpty()) {
			return answer(unauthorized(useCase, null, false, authorization));
		}
		return answer(this.changes.clear(useCase, reason, http(holder.get())));
	}

	private ModeChangeResult unauthorized(String useCase, String mode, boolean force, String authorization) {
		String why = this.tokens.isEmpty()
				? "Changing modes over HTTP is disabled: no admin token is configured (turnout.admin.tokens.<name>)."
				: (authorization == null) ? "No admin token: send Authorization: Bearer <token>."
						: "The Authorization header holds no valid admin token.";
		return this.changes.refuse(Refusal.NOT_AUTHORIZED, useCase, mode, force,
				new Caller((authorization == null) ? "anonymous" : "unknown token", "http"), why);
	}

	private static Caller http(String holder) {
		return new Caller(holder, "http");
	}

	private static ResponseEntity<Map<String, Object>> answer(ModeChangeResult result) {
		HttpStatus status = switch (result.refusal()) {
			case NONE -> HttpStatus.OK;
			case NOT_AUTHORIZED -> HttpStatus.UNAUTHORIZED;
			case UNKNOWN_USE_CASE -> HttpStatus.NOT_FOUND;
			case UNKNOWN_MODE -> HttpStatus.BAD_REQUEST;
			case RULES, BUSY -> HttpStatus.CONFLICT;
		};
		ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
		if (status == HttpStatus.UNAUTHORIZED) {
			response.header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"turnout-admin\"");
		}
		return response.body(result.applied() ? Map.of("applied", true, "message", result.message())
				: Map.of("applied", false, "error", result.message()));
	}

	/** The body of a change; {@code force} is optional. */
	record ModeRequest(String mode, Boolean force, String reason) {

		boolean forced() {
			return Boolean.TRUE.equals(this.force);
		}

	}

}
