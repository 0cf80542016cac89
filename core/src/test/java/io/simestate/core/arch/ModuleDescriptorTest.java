package io.simestate.core.arch;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.estate.SimEstate;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Core's module descriptor, seen from the outside: a small portal module that {@code requires
 * io.simestate.core} is compiled with javac against the built classes and run in a module layer of its
 * own. The API compiles and runs (Bean Validation included); {@code io.simestate.core.internal} does not
 * compile. The other tests run on the class path, where the descriptor plays no part.
 */
class ModuleDescriptorTest {

  private static final Set<String> EXPORTED = Set.of("io.simestate.core", "io.simestate.core.customer",
      "io.simestate.core.sim", "io.simestate.core.audit", "io.simestate.core.alert",
      "io.simestate.core.persistence", "io.simestate.core.inmemory", "io.simestate.core.estate",
      "io.simestate.core.monitor");

  private static final String PORTAL_MODULE = """
      module portal.probe {
        requires io.simestate.core;
        exports portal.probe;
      }
      """;

  private static final String PORTAL_USING_THE_API = """
      package portal.probe;

      import io.simestate.core.Actor;
      import io.simestate.core.AlertKind;
      import io.simestate.core.InvalidInputException;
      import io.simestate.core.TenantId;
      import io.simestate.core.alert.AlertId;
      import io.simestate.core.alert.UsageAlert;
      import io.simestate.core.customer.ContactDetails;
      import io.simestate.core.customer.Customer;
      import io.simestate.core.customer.CustomerDetails;
      import io.simestate.core.estate.SimEstate;
      import io.simestate.core.sim.Iccid;
      import java.time.Instant;
      import java.util.List;
      import java.util.function.Supplier;

      public final class Probe implements Supplier<String> {
        @Override
        public String get() {
          SimEstate estate = SimEstate.inMemory();
          TenantId acme = TenantId.of("acme");
          Actor alice = Actor.of("alice");
          Customer c = estate.customers().create(acme, alice, CustomerDetails.named("Northwind"));
          estate.customers().addContact(acme, alice, c.id(), ContactDetails.alerted("Ana", "ana@northwind.example"));
          estate.sims().assign(acme, alice, c.id(), List.of("8944500102198304826"));
          int routed = estate.alerts().route(acme, UsageAlert.of(AlertId.of("w-1"),
              Iccid.parse("8944500102198304826"), AlertKind.WARNING, Instant.now())).deliveries().size();
          int sent = estate.dispatcher().dispatchDue().sent();
          String refused;
          try {
            estate.customers().addContact(acme, alice, c.id(),
                new ContactDetails("Bo", null, "call me maybe", null, false, null));
            refused = "nothing";
          } catch (InvalidInputException e) {
            refused = e.violations().get(0).field();
          }
          long imported = estate.sims().importCsv(acme, alice, new java.io.ByteArrayInputStream(
              "iccid;customer\\r\\n8944500102198304834;\\"northwind\\"\\r\\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
              .assigned();
          String shown;
          try {
            estate.customers().create(acme, alice, CustomerDetails.named("Globex").withAddress(null, null, "\\u202Eanneiv", null));
            shown = "nothing";
          } catch (InvalidInputException e) {
            shown = e.violations().get(0).field();
          }
          return "routed=" + routed + " sent=" + sent + " refused=" + refused + " imported=" + imported
              + " shownText=" + shown;
        }
      }
      """;

  private static final String PORTAL_USING_AN_INTERNAL_HELPER = """
      package portal.probe;

      public final class Probe {
        public Object check(Object value) {
          return io.simestate.core.internal.Require.present(value, "value");
        }
      }
      """;

  @TempDir
  Path work;

  @Test
  void coreExportsTheApiAndSpiPackagesAndNotItsInternals() throws Exception {
    ModuleDescriptor core = ModuleFinder.of(coreClasses()).find("io.simestate.core").orElseThrow().descriptor();

    assertThat(core.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse())
        .extracting(ModuleDescriptor.Exports::source).containsExactlyInAnyOrderElementsOf(EXPORTED);
    assertThat(core.packages()).contains("io.simestate.core.internal");
    assertThat(core.opens()).extracting(ModuleDescriptor.Opens::source)
        .doesNotContain("io.simestate.core.internal");
  }

  @Test
  void aPortalModuleCompilesAgainstTheApiAndRunsOnTheModulePath() throws Exception {
    Path classes = compile(PORTAL_USING_THE_API).orElseThrowCompileErrors();

    List<Path> modulePath = new ArrayList<>(List.of(classes, coreClasses()));
    modulePath.addAll(jarsOf("jakarta.validation.Validation", "org.slf4j.Logger", "org.slf4j.simple.SimpleLogger",
        "org.hibernate.validator.HibernateValidator", "org.jboss.logging.Logger", "com.fasterxml.classmate.TypeResolver",
        "de.siegmar.fastcsv.reader.CsvReader"));
    ModuleLayer boot = ModuleLayer.boot();
    Configuration configuration = boot.configuration()
        .resolveAndBind(ModuleFinder.of(modulePath.toArray(Path[]::new)), ModuleFinder.of(), Set.of("portal.probe"));
    ModuleLayer layer = boot.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    @SuppressWarnings("unchecked")
    Supplier<String> probe = (Supplier<String>) layer.findLoader("portal.probe").loadClass("portal.probe.Probe")
        .getConstructor().newInstance();

    assertThat(probe.get()).isEqualTo("routed=1 sent=1 refused=phone imported=1 shownText=city");
    assertThat(layer.findModule("io.simestate.core")).get().satisfies(m -> assertThat(m.isNamed()).isTrue());
  }

  @Test
  void aPortalModuleCannotCompileAgainstCoresInternalPackage() throws Exception {
    Compilation result = compile(PORTAL_USING_AN_INTERNAL_HELPER);

    assertThat(result.succeeded).isFalse();
    assertThat(result.output).contains("io.simestate.core.internal").contains("does not export it");
  }

  private record Compilation(boolean succeeded, String output, Path classes) {
    Path orElseThrowCompileErrors() {
      assertThat(succeeded).as(output).isTrue();
      return classes;
    }
  }

  private Compilation compile(String probe) throws IOException, URISyntaxException {
    Path src = work.resolve("src");
    Files.createDirectories(src.resolve("portal/probe"));
    Files.writeString(src.resolve("module-info.java"), PORTAL_MODULE);
    Files.writeString(src.resolve("portal/probe/Probe.java"), probe);
    Path out = work.resolve("classes");
    List<Path> modulePath = new ArrayList<>(List.of(coreClasses()));
    modulePath.addAll(jarsOf("jakarta.validation.Validation", "org.slf4j.Logger"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    StringWriter output = new StringWriter();
    boolean ok = javac.getTask(output, null, null,
        // An explicit, empty class path: javac would otherwise use this JVM's, which holds core too.
        List.of("--release", "17", "-d", out.toString(), "--class-path", Files.createDirectories(work.resolve("none")).toString(),
            "--module-path",
            modulePath.stream().map(Path::toString).collect(Collectors.joining(java.io.File.pathSeparator))),
        null, javac.getStandardFileManager(null, null, null)
            .getJavaFileObjects(src.resolve("module-info.java"), src.resolve("portal/probe/Probe.java")))
        .call();
    return new Compilation(ok, output.toString(), out);
  }

  /** Core's compiled main classes with their module-info.class, as the build left them. */
  private static Path coreClasses() throws URISyntaxException {
    Path classes = locationOf(SimEstate.class);
    assertThat(classes.resolve("module-info.class")).as("core's compiled module descriptor").exists();
    return classes;
  }

  private static List<Path> jarsOf(String... classNames) throws URISyntaxException {
    List<Path> jars = new ArrayList<>();
    for (String name : classNames) {
      try {
        jars.add(locationOf(Class.forName(name)));
      } catch (ClassNotFoundException e) {
        throw new AssertionError(name + " is not on the test class path", e);
      }
    }
    return jars;
  }

  private static Path locationOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
