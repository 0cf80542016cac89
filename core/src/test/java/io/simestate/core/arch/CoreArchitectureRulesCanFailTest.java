package io.simestate.core.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link CoreArchitecture} reports the breakage it exists for, shown on the small broken
 * package structures under {@code io.simestate.core.arch.fixture}; and a rule does not report what it
 * is not about.
 */
class CoreArchitectureRulesCanFailTest {

  private static final String FIXTURES = "io.simestate.core.arch.fixture";
  private static final String CYCLE = FIXTURES + ".cycle";
  private static final String ROOT_CYCLE = FIXTURES + ".rootcycle";
  private static final String LAYERING = FIXTURES + ".layering";
  private static final String STRAY = FIXTURES + ".stray";

  @Test
  void twoSubpackagesThatImportEachOtherAreACycle() {
    List<String> details = violations(CoreArchitecture.packagesAreFreeOfCycles(CYCLE), CYCLE);

    assertThat(details).singleElement().asString()
        .contains(CYCLE + ".customer", CYCLE + ".sim", "Buyer", "Card");
  }

  @Test
  void theBasePackageIsASliceOfItsOwnSoACycleThroughItIsFound() {
    List<String> details = violations(CoreArchitecture.packagesAreFreeOfCycles(ROOT_CYCLE), ROOT_CYCLE);

    assertThat(details).singleElement().asString().contains("Kernel", "Person");
  }

  @Test
  void aKernelTypeThatImportsASubpackageIsReported() {
    List<String> details = violations(CoreArchitecture.kernelImportsNoSubpackage(ROOT_CYCLE), ROOT_CYCLE);

    assertThat(details).isNotEmpty().allSatisfy(d -> assertThat(d).contains("Kernel", "Person"));
  }

  @Test
  void aPackageThatImportsOneAboveItBreaksTheLayersEvenWithoutACycle() {
    List<String> details = violations(CoreArchitecture.layers(LAYERING).withOptionalLayers(true), LAYERING);

    assertThat(details).anySatisfy(d -> assertThat(d).contains("Customer", "Sim"));
    assertThat(details).anySatisfy(d -> assertThat(d).contains("Router", "MemoryStore"));
    assertThat(violations(CoreArchitecture.packagesAreFreeOfCycles(LAYERING), LAYERING)).isEmpty();
  }

  @Test
  void aDomainPackageThatUsesTheInMemoryAdaptersIsReported() {
    List<String> details = violations(CoreArchitecture.onlyTheEstateUsesTheInMemoryAdapters(LAYERING), LAYERING);

    assertThat(details).isNotEmpty().allSatisfy(d -> assertThat(d).contains("Router", "MemoryStore"));
  }

  @Test
  void aUseCaseWithAPublicConstructorIsReportedButARecordIsNot() {
    List<String> details = violations(CoreArchitecture.theEstateHasNoPublicConstructors(LAYERING), LAYERING);

    assertThat(details).singleElement().asString().contains("Onboarding.<init>").doesNotContain("Receipt");
  }

  @Test
  void aPackageThatNoLayerNamesIsReported() {
    List<String> details = violations(CoreArchitecture.layers(STRAY).withOptionalLayers(true), STRAY);

    assertThat(details).singleElement().asString().contains(STRAY + ".reports.Report");
  }

  private static List<String> violations(ArchRule rule, String base) {
    JavaClasses classes = new ClassFileImporter().importPackages(base);
    assertThat(classes).as("fixture classes under %s", base).isNotEmpty();
    EvaluationResult result = rule.evaluate(classes);
    return result.getFailureReport().getDetails();
  }
}
