package io.simestate.core.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noConstructors;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;

/**
 * Core's package layering as ArchUnit rules, for any base package, so that the same rules that guard
 * {@code io.simestate.core} can be shown to fail on the deliberately broken fixtures under
 * {@code io.simestate.core.arch.fixture}.
 *
 * <p>Bottom to top; a package may import only packages below it: the kernel (the base package
 * itself), {@code internal}, {@code customer}, {@code sim}, {@code audit}, {@code alert},
 * {@code monitor}, {@code persistence}, {@code inmemory}, {@code estate}.
 */
final class CoreArchitecture {

  static final String KERNEL = "Kernel";
  static final String INTERNAL = "Internal";
  static final String CUSTOMER = "Customer";
  static final String SIM = "Sim";
  static final String AUDIT = "Audit";
  static final String ALERT = "Alert";
  static final String MONITOR = "Monitor";
  static final String PERSISTENCE = "Persistence";
  static final String IN_MEMORY = "InMemory";
  static final String ESTATE = "Estate";

  private CoreArchitecture() {}

  /**
   * No two packages under {@code base} import each other, directly or through others. Every package
   * is its own slice, the base package included ({@code slices().matching("base.(**)")} would leave
   * the base package out).
   */
  static ArchRule packagesAreFreeOfCycles(String base) {
    return slices().assignedFrom(eachPackageUnder(base)).should().beFreeOfCycles()
        .because("packages that import each other in a loop can only be understood, tested and changed together");
  }

  /** The kernel (the base package itself) imports none of its subpackages. */
  static ArchRule kernelImportsNoSubpackage(String base) {
    return noClasses().that().resideInAPackage(base)
        .should().dependOnClassesThat().resideInAPackage(base + ".*..")
        .because("the shared kernel is the bottom layer that every other package builds on");
  }

  /** Only the estate (the composition root) and the in-memory adapters themselves use the in-memory adapters. */
  static ArchRule onlyTheEstateUsesTheInMemoryAdapters(String base) {
    return noClasses().that().resideInAPackage(base + "..")
        .and().resideOutsideOfPackages(base + ".estate..", base + ".inmemory..")
        .should().dependOnClassesThat().resideInAPackage(base + ".inmemory..")
        .because("the domain and its ports must not depend on one adapter of them");
  }

  /** The estate's use cases are wired by its builder only: no public constructor but records'. */
  static ArchRule theEstateHasNoPublicConstructors(String base) {
    return noConstructors()
        .that().areDeclaredInClassesThat().resideInAPackage(base + ".estate..")
        .and().areDeclaredInClassesThat().areNotRecords()
        .should().bePublic()
        .because("only SimEstate.Builder wires the use cases; a portal obtains them from SimEstate");
  }

  /** The layers, bottom to top; each may use only the layers below it. */
  static LayeredArchitecture layers(String base) {
    return layeredArchitecture().consideringOnlyDependenciesInLayers()
        .layer(KERNEL).definedBy(base)
        .layer(INTERNAL).definedBy(base + ".internal..")
        .layer(CUSTOMER).definedBy(base + ".customer..")
        .layer(SIM).definedBy(base + ".sim..")
        .layer(AUDIT).definedBy(base + ".audit..")
        .layer(ALERT).definedBy(base + ".alert..")
        .layer(MONITOR).definedBy(base + ".monitor..")
        .layer(PERSISTENCE).definedBy(base + ".persistence..")
        .layer(IN_MEMORY).definedBy(base + ".inmemory..")
        .layer(ESTATE).definedBy(base + ".estate..")
        .whereLayer(KERNEL).mayNotAccessAnyLayer()
        .whereLayer(INTERNAL).mayOnlyAccessLayers(KERNEL)
        .whereLayer(CUSTOMER).mayOnlyAccessLayers(KERNEL, INTERNAL)
        .whereLayer(SIM).mayOnlyAccessLayers(KERNEL, INTERNAL, CUSTOMER)
        .whereLayer(AUDIT).mayOnlyAccessLayers(KERNEL, INTERNAL, CUSTOMER, SIM)
        .whereLayer(ALERT).mayOnlyAccessLayers(KERNEL, INTERNAL, CUSTOMER, SIM, AUDIT)
        .whereLayer(MONITOR).mayOnlyAccessLayers(KERNEL, INTERNAL, ALERT)
        .whereLayer(PERSISTENCE).mayOnlyAccessLayers(KERNEL, INTERNAL, CUSTOMER, SIM, AUDIT, ALERT)
        .whereLayer(IN_MEMORY).mayOnlyAccessLayers(KERNEL, INTERNAL, CUSTOMER, SIM, AUDIT, ALERT, PERSISTENCE)
        .ensureAllClassesAreContainedInArchitecture();
  }

  private static SliceAssignment eachPackageUnder(String base) {
    return new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
        String pkg = javaClass.getPackageName();
        return pkg.equals(base) || pkg.startsWith(base + ".") ? SliceIdentifier.of(pkg) : SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "every package under " + base + ", " + base + " included";
      }
    };
  }
}
