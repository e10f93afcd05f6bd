package io.xemigrate.tests.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The architecture of the root README (module table), checked on the production classes of every
 * module. Maven's module graph is the first wall (a module cannot compile against one it does not
 * declare, and the enforcer bans the wrong declarations); these rules are the second, and they
 * cover what Maven cannot see: SDK imports, I/O and clock reads in pure code.
 */
class ArchitectureTest {
  private static final String CLIENT = "io.xemigrate.xapi..";
  private static final String STORAGE = "io.xemigrate.storage..";
  private static final String NETWORK = "io.xemigrate.network..";
  private static final String PLANNER = "io.xemigrate.planner..";
  private static final String COORDINATOR = "io.xemigrate.coordinator..";
  private static final String DAEMON = "io.xemigrate.daemon..";
  private static final String PLUGIN = "io.xemigrate.plugin..";
  private static final String SIMULATOR = "io.xemigrate.simulator..";
  private static final String SDK = "com.xensource.xenapi..";

  /** The code that must be a pure function of its inputs: no I/O, no clock, no threads. */
  private static final String[] PURE = {
    PLANNER,
    "io.xemigrate.storage.mapping..",
    "io.xemigrate.storage.estimate..",
    "io.xemigrate.network.mapping.."
  };

  private static JavaClasses production;

  @BeforeAll
  static void importClasses() {
    production =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.xemigrate");
  }

  @Test
  void onlyTheClientTalksToTheSdk() {
    ArchRule rule =
        noClasses()
            .that()
            .resideOutsideOfPackage(CLIENT)
            .should()
            .dependOnClassesThat()
            .resideInAPackage(SDK)
            .because("only xapi-client may use the XenAPI SDK; no SDK type escapes it");
    rule.check(production);
  }

  @Test
  void pureCodeDoesNoIo() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(PURE)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("java.net..", "java.nio.file..", "java.nio.channels..")
            .orShould()
            .dependOnClassesThat()
            .belongToAnyOf(
                java.io.File.class,
                java.io.FileInputStream.class,
                java.io.FileOutputStream.class,
                java.io.FileReader.class,
                java.io.FileWriter.class,
                java.io.RandomAccessFile.class)
            .because("planning is a pure function: inventory in, plan out");
    rule.check(production);
  }

  @Test
  void pureCodeReadsNoClock() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(PURE)
            .should()
            .callMethod(System.class, "currentTimeMillis")
            .orShould()
            .callMethod(System.class, "nanoTime")
            .orShould()
            .callMethod(Instant.class, "now")
            .orShould()
            .callMethod(LocalDateTime.class, "now")
            .orShould()
            .callMethod(LocalDate.class, "now")
            .orShould()
            .callMethod(LocalTime.class, "now")
            .orShould()
            .callMethod(ZonedDateTime.class, "now")
            .orShould()
            .callMethod(OffsetDateTime.class, "now")
            .orShould()
            .callMethod(Clock.class, "systemUTC")
            .orShould()
            .callMethod(Clock.class, "systemDefaultZone")
            .because("time is an input to planning (the snapshot's capture time), never read");
    rule.check(production);
  }

  @Test
  void pureCodeStartsNoThreads() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAnyPackage(PURE)
            .should()
            .dependOnClassesThat()
            .belongToAnyOf(Thread.class, ThreadLocal.class)
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("java.util.concurrent..")
            .because("planning is deterministic: the same input gives the same plan");
    rule.check(production);
  }

  @Test
  void simulatorDependsOnNoOtherModule() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage(SIMULATOR)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(CLIENT, STORAGE, NETWORK, PLANNER, COORDINATOR, DAEMON, PLUGIN)
            .because("the simulator models xapi independently, so it can catch the planner");
    rule.check(production);
  }

  @Test
  void engineKnowsNoFrontEnd() {
    ArchRule rule =
        noClasses()
            .that()
            .resideInAPackage(COORDINATOR)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                PLUGIN, DAEMON, SIMULATOR, "io.netty..", "com.beust.jcommander..", "com.sun.net..")
            .because(
                "the coordinator is the engine: no command-line, HTTP, daemon or simulator type;"
                    + " the front ends call it, never the other way round");
    rule.check(production);
  }

  @Test
  void modulesDependOnlyDownwards() {
    ArchRule rule =
        layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("plugin")
            .definedBy(PLUGIN)
            .layer("daemon")
            .definedBy(DAEMON)
            .layer("coordinator")
            .definedBy(COORDINATOR)
            .layer("planner")
            .definedBy(PLANNER)
            .layer("storage")
            .definedBy(STORAGE)
            .layer("network")
            .definedBy(NETWORK)
            .layer("client")
            .definedBy(CLIENT)
            .layer("simulator")
            .definedBy(SIMULATOR)
            .whereLayer("plugin")
            .mayNotBeAccessedByAnyLayer()
            .whereLayer("daemon")
            .mayOnlyBeAccessedByLayers("plugin")
            .whereLayer("coordinator")
            .mayOnlyBeAccessedByLayers("daemon", "plugin")
            .whereLayer("planner")
            .mayOnlyBeAccessedByLayers("coordinator", "daemon", "plugin")
            .whereLayer("storage")
            .mayOnlyBeAccessedByLayers("planner", "coordinator", "daemon", "plugin")
            .whereLayer("network")
            .mayOnlyBeAccessedByLayers("planner", "coordinator", "daemon", "plugin")
            .whereLayer("client")
            .mayOnlyBeAccessedByLayers(
                "storage", "network", "planner", "coordinator", "daemon", "plugin")
            .whereLayer("simulator")
            .mayOnlyBeAccessedByLayers("plugin")
            .because(
                "dependencies point down: xe-plugin > daemon > coordinator > planner > storage,"
                    + " network > client; only the command line's sim, demo and bench use the"
                    + " simulator");
    rule.check(production);
  }
}
