package org.passerelle.commons.testing;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.CompositeArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The shape every service follows (ADR 0018), as ArchUnit rules each module runs in its tests.
 * Under {@code org.passerelle.<service>}: entities and their enums at the root, {@code api} records
 * shared by {@code rest} and {@code service}, {@code repository}, {@code events} (what the service
 * publishes), {@code handlers} (what it consumes), {@code config}, {@code security}; and no arrow
 * pointing back up.
 */
public final class ServiceArchitecture {

  /** The packages a service may have under its base package. */
  public static final List<String> SERVICE_PACKAGES =
      List.of("api", "rest", "service", "repository", "events", "handlers", "config", "security");

  private static final List<String> SERVICES =
      List.of("enrollment", "cohort", "partnership", "placement", "gateway");

  private ServiceArchitecture() {}

  /** Checks a service module's main classes, e.g. {@code check("org.passerelle.enrollment")}. */
  public static void check(String base) {
    JavaClasses classes = mainClasses(base);
    rules(base).check(classes);
  }

  /**
   * Checks a module with its own list of packages (the gateway): every class under {@code base}
   * sits at the root or in one of {@code packages}.
   */
  public static void check(String base, Set<String> packages) {
    packagesWithin(base, List.copyOf(packages)).check(mainClasses(base));
  }

  /** Checks that commons, shared by every service, depends on none of them. */
  public static void checkCommons() {
    String[] services =
        SERVICES.stream().map(s -> "org.passerelle." + s + "..").toArray(String[]::new);
    noClasses()
        .that()
        .resideInAPackage("org.passerelle.commons..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(services)
        .because("commons serves every service and must not know any of them")
        .check(mainClasses("org.passerelle.commons"));
  }

  static ArchRule rules(String base) {
    String root = base;
    String api = base + ".api..";
    String rest = base + ".rest..";
    String service = base + ".service..";
    String repository = base + ".repository..";
    String events = base + ".events..";
    String handlers = base + ".handlers..";
    List<ArchRule> rules = new ArrayList<>();
    rules.add(packagesWithin(base, SERVICE_PACKAGES));
    rules.add(
        noClasses()
            .that()
            .resideInAPackage(service)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(rest, handlers)
            .because("services are called by resources and handlers, never the other way"));
    rules.add(
        noClasses()
            .that()
            .resideInAPackage(root)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(rest, service, handlers)
            .because("entities hold state and its rules, not the ways it is reached"));
    rules.add(
        noClasses()
            .that()
            .resideInAPackage(api)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(rest, service, repository, handlers)
            .because("api records are plain data shared by resources and services"));
    rules.add(
        noClasses()
            .that()
            .resideInAPackage(repository)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(rest, service, handlers)
            .because("repositories only read and write rows"));
    rules.add(
        noClasses()
            .that()
            .resideInAPackage(events)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(rest, handlers)
            .because("published payloads do not depend on how the service is reached"));
    rules.add(
        noClasses()
            .that()
            .resideInAPackage(handlers)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(rest, repository, "jakarta.persistence..", "io.quarkus.hibernate..")
            .because("a handler writes through a service, in its rules and transaction"));
    rules.add(
        noClasses()
            .that()
            .resideInAPackage(handlers)
            .should()
            .setFieldWhere(ownerIn(root, null))
            .orShould()
            .callMethodWhere(ownerIn(root, PERSISTENCE_METHODS))
            .because("a handler changes entities only through a service"));
    return CompositeArchRule.of(rules);
  }

  private static ArchRule packagesWithin(String base, List<String> packages) {
    String[] allowed =
        Stream.concat(Stream.of(base), packages.stream().map(p -> base + "." + p + ".."))
            .toArray(String[]::new);
    return classes()
        .that()
        .resideInAPackage(base + "..")
        .should()
        .resideInAnyPackage(allowed)
        .because("every class sits in one of the module's declared packages " + packages);
  }

  /** What Panache entities offer to write themselves. */
  private static final Set<String> PERSISTENCE_METHODS =
      Set.of("persist", "persistAndFlush", "delete", "deleteById", "deleteAll", "update", "flush");

  /**
   * Accesses to members of the classes in exactly this package (the entities at a service's root),
   * or only to the named members.
   */
  private static DescribedPredicate<JavaAccess<?>> ownerIn(String pkg, Set<String> names) {
    DescribedPredicate<JavaClass> inPackage = resideInAPackage(pkg);
    return DescribedPredicate.describe(
        names == null ? "a field of an entity in " + pkg : "a write method of an entity in " + pkg,
        access ->
            inPackage.test(access.getTargetOwner())
                && !access.getTargetOwner().isEnum()
                && !access.getTargetOwner().isRecord()
                && (names == null || names.contains(access.getName())));
  }

  private static JavaClasses mainClasses(String base) {
    return new ClassFileImporter()
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
        .importPackages(base);
  }
}
