package fr.gouv.conventions.core;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import fr.gouv.conventions.core.command.ConventionCommand;
import fr.gouv.conventions.core.event.ConventionEvent;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

/** Keeps {@code core} the domain room: no Spring, no SQL, no other module; messages are immutable records. */
@AnalyzeClasses(packages = "fr.gouv.conventions.core", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule coreKnowsNeitherSpringNorSqlNorTheOtherModules = noClasses()
            .that().resideInAPackage("fr.gouv.conventions.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                    "javax.sql..", "fr.gouv.conventions.projections..", "fr.gouv.conventions.api..");

    @ArchTest
    static final ArchRule commandsAreRecords = classes()
            .that().resideInAPackage("fr.gouv.conventions.core.command..").and().areNotInterfaces()
            .should().beRecords();

    @ArchTest
    static final ArchRule commandsAreConventionCommands = classes()
            .that().resideInAPackage("fr.gouv.conventions.core.command..").and().areRecords()
            .should().implement(ConventionCommand.class);

    @ArchTest
    static final ArchRule eventsAreRecords = classes()
            .that().areAssignableTo(ConventionEvent.class).and().areNotInterfaces()
            .should().beRecords().andShould().resideInAPackage("fr.gouv.conventions.core.event..");

    @ArchTest
    static final ArchRule eventsAreConventionEvents = classes()
            .that().resideInAPackage("fr.gouv.conventions.core.event..").and().areRecords()
            .should().implement(ConventionEvent.class);

    @ArchTest
    static final ArchRule theDomainNeverReadsTheSystemClock = noClasses()
            .that().resideInAPackage("fr.gouv.conventions.core..")
            .should().callMethod(LocalDate.class, "now")
            .orShould().callMethod(LocalDateTime.class, "now")
            .orShould().callMethod(Instant.class, "now")
            .orShould().callMethod(Clock.class, "systemDefaultZone")
            .orShould().callMethod(Clock.class, "systemUTC")
            .because("business dates and the wall clock come in as parameters (the clock is injected)");

    @ArchTest
    static final ArchRule moneyIsNeverAFloatingPointNumber = noFields()
            .that().areDeclaredInClassesThat().resideInAPackage("fr.gouv.conventions.core..")
            .should().haveRawType(double.class)
            .orShould().haveRawType(float.class)
            .orShould().haveRawType(Double.class)
            .orShould().haveRawType(Float.class)
            .because("R10: money is exact");
}
