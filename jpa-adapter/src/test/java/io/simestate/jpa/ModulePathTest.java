package io.simestate.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import io.simestate.core.estate.SimEstate;
import jakarta.persistence.EntityManager;
import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The adapter as a named module ({@code io.simestate.jpa}) in a module layer of its own, built from the
 * compiled classes and its module descriptor: the schema scripts under {@code db/simestate/<vendor>}
 * are resources of encapsulated packages there, found through the class loader (as {@link JpaSchema}
 * and a host's Flyway look them up) only because the descriptor opens them. The other tests run on
 * the class path, where every resource is visible.
 */
class ModulePathTest {

  private static ModuleLayer layer;
  private static ClassLoader loader;

  @BeforeAll
  static void loadTheAdapterAsANamedModule() throws Exception {
    ModuleFinder modulePath = ModuleFinder.of(locationOf(JpaSchema.class), locationOf(SimEstate.class),
        locationOf(EntityManager.class), locationOf(jakarta.validation.Validation.class),
        locationOf(org.slf4j.Logger.class), locationOf(de.siegmar.fastcsv.reader.CsvReader.class));
    ModuleLayer boot = ModuleLayer.boot();
    Configuration configuration = boot.configuration().resolve(modulePath, ModuleFinder.of(), Set.of("io.simestate.jpa"));
    layer = boot.defineModulesWithOneLoader(configuration, ClassLoader.getPlatformClassLoader());
    loader = layer.findLoader("io.simestate.jpa");
  }

  @Test
  void theAdapterRunsAsANamedModuleThatReadsCoreAsOne() throws Exception {
    Class<?> schema = loader.loadClass(JpaSchema.class.getName());

    assertThat(schema.getModule().getName()).isEqualTo("io.simestate.jpa");
    assertThat(schema.getModule().isExported("io.simestate.jpa")).isTrue();
    assertThat(layer.findModule("io.simestate.core")).get()
        .satisfies(core -> assertThat(core.isExported("io.simestate.core.internal")).isFalse());
  }

  @Test
  void everyVendorsSchemaScriptIsFoundInTheNamedModule() throws Exception {
    Class<?> schema = loader.loadClass(JpaSchema.class.getName());
    Class<?> vendorType = loader.loadClass(DatabaseVendor.class.getName());

    for (Object vendor : vendorType.getEnumConstants()) {
      String folder = (String) vendorType.getMethod("scriptFolder").invoke(vendor);
      assertThat(loader.getResource(folder + "/V1__simestate_schema.sql")).as("%s as Flyway finds it", folder)
          .isNotNull();
      @SuppressWarnings("unchecked")
      List<String> statements = (List<String>) schema.getMethod("statements", vendorType).invoke(null, vendor);
      assertThat(statements).as("%s read by JpaSchema", folder)
          .anySatisfy(sql -> assertThat(sql).containsIgnoringCase("create table simestate_customer"));
    }
  }

  @Test
  void theNamedModuleAppliesTheSchemaToADatabase() throws Exception {
    Class<?> schema = loader.loadClass(JpaSchema.class.getName());
    Class<?> vendorType = loader.loadClass(DatabaseVendor.class.getName());
    JdbcDataSource h2 = new JdbcDataSource();
    h2.setURL("jdbc:h2:mem:modules_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1");

    schema.getMethod("apply", DataSource.class, vendorType).invoke(null, h2, vendorType.getField("H2").get(null));

    try (Connection c = h2.getConnection(); Statement s = c.createStatement();
        ResultSet tables = s.executeQuery("select count(*) from information_schema.tables"
            + " where lower(table_name) like 'simestate\\_%' escape '\\'")) {
      tables.next();
      assertThat(tables.getInt(1)).isGreaterThan(5);
      s.execute("drop all objects");
    }
  }

  private static Path locationOf(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
  }
}
