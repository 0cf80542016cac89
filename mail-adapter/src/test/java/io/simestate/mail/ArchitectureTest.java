package io.simestate.mail;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The mail adapter depends on core and Jakarta Mail, never on another adapter or a provider's classes. */
@AnalyzeClasses(packages = "io.simestate.mail", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule neverDependsOnTheJpaAdapter = noClasses()
      .that().resideInAPackage("io.simestate.mail..")
      .should().dependOnClassesThat().resideInAPackage("io.simestate.jpa..");

  @ArchTest
  static final ArchRule usesTheJakartaMailApiNotAngusClasses = noClasses()
      .that().resideInAPackage("io.simestate.mail..")
      .should().dependOnClassesThat().resideInAnyPackage("org.eclipse.angus..", "com.sun.mail..");

  @ArchTest
  static final ArchRule usesCoresPortsNotItsInMemoryAdapters = noClasses()
      .that().resideInAPackage("io.simestate.mail..")
      .should().dependOnClassesThat().resideInAPackage("io.simestate.core.inmemory..");

  @ArchTest
  static final ArchRule usesOnlyCoresExportedPackages = noClasses()
      .that().resideInAPackage("io.simestate.mail..")
      .should().dependOnClassesThat().resideInAPackage("io.simestate.core.internal..")
      .because("core's module descriptor does not export its internal package");
}
