package io.simestate.micrometer;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The Micrometer binding depends on core's exported packages and Micrometer, never on an adapter. */
@AnalyzeClasses(packages = "io.simestate.micrometer", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule neverDependsOnAnAdapter = noClasses()
      .that().resideInAPackage("io.simestate.micrometer..")
      .should().dependOnClassesThat().resideInAnyPackage("io.simestate.jpa..", "io.simestate.mail..");

  @ArchTest
  static final ArchRule usesOnlyCoresExportedPackagesAndNotItsInMemoryAdapters = noClasses()
      .that().resideInAPackage("io.simestate.micrometer..")
      .should().dependOnClassesThat().resideInAnyPackage("io.simestate.core.internal..", "io.simestate.core.inmemory..")
      .because("core's module descriptor does not export its internal package, and metrics work on any store");
}
