package fr.gouv.conventions.api;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import fr.gouv.conventions.api.security.Role;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * Keeps {@code api}'s rooms apart: HTTP (commands, queries, the contract, problem answers, servlet plumbing,
 * security) over the wiring (Axon, database, settings), which never knows HTTP; no cycle between rooms.
 */
@AnalyzeClasses(packages = "fr.gouv.conventions.api", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] HTTP = {"fr.gouv.conventions.api.commands..", "fr.gouv.conventions.api.queries..",
            "fr.gouv.conventions.api.contract..", "fr.gouv.conventions.api.problems..",
            "fr.gouv.conventions.api.servlet..", "fr.gouv.conventions.api.correlation..",
            "fr.gouv.conventions.api.security.."};

    private static final String[] WIRING = {"fr.gouv.conventions.api.axon..", "fr.gouv.conventions.api.database..",
            "fr.gouv.conventions.api.settings.."};

    @ArchTest
    static final ArchRule httpReachesNeitherTheEventStoreNorSql = noClasses()
            .that().resideInAnyPackage(HTTP)
            .should().dependOnClassesThat().resideInAnyPackage("org.axonframework.eventsourcing..",
                    "org.axonframework.eventhandling..", "java.sql..", "javax.sql..", "org.springframework.jdbc..")
            .because("commands go through the command gateway, and reads through the projections' queries");

    @ArchTest
    static final ArchRule theWiringKnowsNoHttp = noClasses()
            .that().resideInAnyPackage(WIRING)
            .should().dependOnClassesThat().resideInAnyPackage("fr.gouv.conventions.api.commands..",
                    "fr.gouv.conventions.api.queries..", "fr.gouv.conventions.api.contract..",
                    "fr.gouv.conventions.api.problems..", "fr.gouv.conventions.api.servlet..",
                    "fr.gouv.conventions.api.correlation..", "org.springframework.web..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule controllersAreCommandsOrQueries = classes()
            .that().areAnnotatedWith(RestController.class)
            .should().resideInAnyPackage("fr.gouv.conventions.api.commands..", "fr.gouv.conventions.api.queries..");

    @ArchTest
    static final ArchRule onlyTheCommandsSendCommands = noClasses()
            .that().resideOutsideOfPackages("fr.gouv.conventions.api.commands..",
                    "fr.gouv.conventions.api.axon.commandhandling..")
            .should().dependOnClassesThat().areAssignableTo(CommandGateway.class);

    @ArchTest
    static final ArchRule problemAnswersAreMadeInOnePlace = noClasses()
            .that().resideOutsideOfPackage("fr.gouv.conventions.api.problems..")
            .should().callMethodWhere(target(owner(JavaClass.Predicates.type(ProblemDetail.class))))
            .orShould().callConstructorWhere(target(owner(JavaClass.Predicates.type(ProblemDetail.class))))
            .because("every problem answer gets its code and correlation id, and is written, by ProblemWriter");

    @ArchTest
    static final ArchRule requestBodiesAreRecords = classes()
            .that().resideInAPackage("fr.gouv.conventions.api.commands..").and().haveSimpleNameEndingWith("Request")
            .should().beRecords();

    @ArchTest
    static final ArchRule noCycleBetweenRooms = slices().matching("fr.gouv.conventions.api.(**)")
            .should().beFreeOfCycles()
            .ignoreDependency(JavaClass.Predicates.resideInAPackage("fr.gouv.conventions.api.settings.."),
                    JavaClass.Predicates.equivalentTo(Role.class))
            .because("the settings name the roles of the users they configure, the only way back from security");
}
