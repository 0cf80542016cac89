package io.simestate.jpa;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

/** The adapter's dependency rules. */
class ArchitectureTest {

  private final JavaClasses adapter = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("io.simestate.jpa");

  @Test
  void theJpaAdapterNeverDependsOnTheMailAdapter() {
    noClasses().that().resideInAPackage("io.simestate.jpa..")
        .should().dependOnClassesThat().resideInAPackage("io.simestate.mail..")
        .check(adapter);
  }

  @Test
  void theJpaAdapterUsesNoProviderSpecificApi() {
    noClasses().that().resideInAPackage("io.simestate.jpa..")
        .should().dependOnClassesThat().resideInAnyPackage("org.hibernate..", "org.eclipse.persistence..")
        .check(adapter);
  }

  @Test
  void theJpaAdapterUsesOnlyCoresExportedPackages() {
    noClasses().that().resideInAPackage("io.simestate.jpa..")
        .should().dependOnClassesThat().resideInAPackage("io.simestate.core.internal..")
        .because("core's module descriptor does not export its internal package")
        .check(adapter);
  }

  @Test
  void entitiesArePackagePrivate() {
    classes().that().areAnnotatedWith(Entity.class)
        .should().notHaveModifier(JavaModifier.PUBLIC)
        .check(adapter);
  }
}
