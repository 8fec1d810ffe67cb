package fr.gouv.conventions.projections;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.axonframework.eventhandling.EventHandler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** Keeps {@code projections} the read-model room: events and SQL, never HTTP; its event handlers stay inside. */
@AnalyzeClasses(packages = "fr.gouv.conventions.projections", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule projectionsKnowNothingOfTheApi = noClasses()
            .that().resideInAPackage("fr.gouv.conventions.projections..")
            .should().dependOnClassesThat().resideInAnyPackage("fr.gouv.conventions.api..",
                    "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..");

    @ArchTest
    static final ArchRule eventHandlingClassesArePackagePrivate = classes()
            .that().containAnyMethodsThat(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "are event handlers", method -> method.isAnnotatedWith(EventHandler.class)))
            .should().notBePublic();

    @ArchTest
    static final ArchRule eventHandlersArePackagePrivate = methods()
            .that().areAnnotatedWith(EventHandler.class)
            .should().notBePublic();

    /** Only the rebuild's batch and its base leave the package: the live batch and the SQL they share stay inside. */
    @ArchTest
    static final ArchRule theLiveBatchAndTheStatementsOnReadModelTablesArePackagePrivate = classes()
            .that().haveFullyQualifiedName("fr.gouv.conventions.projections.engagements.LiveBatch")
            .or().haveFullyQualifiedName("fr.gouv.conventions.projections.engagements.ReadModelTables")
            .or().haveFullyQualifiedName("fr.gouv.conventions.projections.engagements.AppendedRows")
            .or().haveFullyQualifiedName("fr.gouv.conventions.projections.engagements.ViewsInMemory")
            .or().haveFullyQualifiedName("fr.gouv.conventions.projections.engagements.CommittedViews")
            .should().notBePublic();
}
