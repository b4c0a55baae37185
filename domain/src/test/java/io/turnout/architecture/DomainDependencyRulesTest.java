package io.turnout.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.type;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The domain is plain Java: it depends only on the JDK's java.* and its own packages, and
 * reads no clock.
 */
class DomainDependencyRulesTest {

	private final JavaClasses domain = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("io.turnout");

	@Test
	void dependsOnlyOnJavaAndItself() {
		// java.net.URI is a value (hosts of page URLs); nothing else of java.net is
		// allowed.
		classes().should()
			.onlyDependOnClassesThat(
					resideInAnyPackage("java.lang..", "java.util..", "java.math..", "java.time..", "java.nio.file..",
							"java.nio.charset..", "java.security..", "io.turnout..")
						.or(type(java.net.URI.class))
						.or(type(java.net.URISyntaxException.class)))
			.check(this.domain);
	}

	@Test
	void neverReadsTheWallClock() {
		noClasses().should()
			.callMethod(java.time.Instant.class, "now")
			.orShould()
			.callMethod(java.time.LocalDate.class, "now")
			.orShould()
			.callMethod(java.time.LocalDateTime.class, "now")
			.orShould()
			.callMethod(System.class, "currentTimeMillis")
			.check(this.domain);
	}

	@Test
	void usesNoJdbc() {
		noClasses().should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..").check(this.domain);
	}

}
