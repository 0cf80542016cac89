package io.simestate.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.GeneralCodingRules;

/**
 * Keeps core a pure domain (DESIGN §2): the JDK, Jakarta Validation and SLF4J only, and FastCSV
 * inside the CSV reader {@code internal.CsvRows}; no JUL, no console output; packages layered without
 * cycles ({@link CoreArchitecture}). Only main classes are imported.
 */
@AnalyzeClasses(packages = "io.simestate.core", importOptions = ImportOption.DoNotIncludeTests.class)
class DependencyRulesTest {

  private static final String CORE = "io.simestate.core";
  /** The one class that may use FastCSV. */
  private static final String CSV_READER = "io.simestate.core.internal.CsvRows";

  private static DescribedPredicate<JavaClass> nestedIn(String outer) {
    return DescribedPredicate.describe("nested in " + outer,
        c -> c.getEnclosingClass().map(e -> e.getFullName().equals(outer)).orElse(false));
  }

  @ArchTest
  static final ArchRule coreDependsOnlyOnTheJdkJakartaValidationAndSlf4j = classes()
      .that().resideInAPackage("io.simestate.core..")
      .and().doNotHaveFullyQualifiedName(CSV_READER)
      .and(DescribedPredicate.not(nestedIn(CSV_READER)))
      .should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "javax.crypto..", "jakarta.validation..", "org.slf4j..", "io.simestate.core..")
      .because("core must be embeddable without JPA, mail or framework types; FastCSV, its one other "
          + "library, stays behind the CSV reader; javax.crypto is the JDK's own (java.base), for the "
          + "HMAC of one-click unsubscribe tokens");

  @ArchTest
  static final ArchRule theCsvReaderUsesNothingButTheJdkFastCsvAndCore = classes()
      .that().haveFullyQualifiedName(CSV_READER).or(nestedIn(CSV_READER))
      .should().onlyDependOnClassesThat()
      .resideInAnyPackage("java..", "de.siegmar.fastcsv..", "io.simestate.core..")
      .because("the CSV reader adds FastCSV and nothing else");

  @ArchTest
  static final ArchRule coreDoesNotUseJavaUtilLogging = noClasses()
      .that().resideInAPackage("io.simestate.core..")
      .should().dependOnClassesThat().resideInAPackage("java.util.logging..")
      .because("logging goes through SLF4J");

  @ArchTest
  static final ArchRule coreDoesNotWriteToTheConsole = noClasses()
      .that().resideInAPackage("io.simestate.core..")
      .should(GeneralCodingRules.ACCESS_STANDARD_STREAMS)
      .because("a library logs through SLF4J and never prints");

  @ArchTest
  static final ArchRule theDomainIsFreeOfPersistenceAndMail = noClasses()
      .that().resideInAPackage("io.simestate.core..")
      .should().dependOnClassesThat()
      .resideInAnyPackage("jakarta.persistence..", "javax.persistence..", "jakarta.mail..", "javax.mail..",
          "org.hibernate..", "org.springframework..")
      .because("domain types carry no persistence annotations and core knows no adapter");

  @ArchTest
  static final ArchRule coreImportsNoAdapter = noClasses()
      .that().resideInAPackage("io.simestate.core..")
      .should().dependOnClassesThat().resideInAnyPackage("io.simestate.jpa..", "io.simestate.mail..",
          "io.simestate.examples..")
      .because("adapters depend on core, never the other way round");

  @ArchTest
  static final ArchRule corePackagesAreFreeOfCycles = CoreArchitecture.packagesAreFreeOfCycles(CORE);

  @ArchTest
  static final ArchRule theKernelImportsNoSubpackage = CoreArchitecture.kernelImportsNoSubpackage(CORE);

  @ArchTest
  static final ArchRule eachPackageUsesOnlyThePackagesBelowIt = CoreArchitecture.layers(CORE);

  @ArchTest
  static final ArchRule onlyTheEstateUsesTheInMemoryAdapters = CoreArchitecture.onlyTheEstateUsesTheInMemoryAdapters(CORE);

  @ArchTest
  static final ArchRule theEstateIsObtainedFromItsBuilderNeverConstructed =
      CoreArchitecture.theEstateHasNoPublicConstructors(CORE);
}
