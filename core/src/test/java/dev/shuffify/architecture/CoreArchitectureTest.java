package dev.shuffify.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Core's packages: no import cycle between them, and nothing of {@code internal} in a public signature. */
class CoreArchitectureTest {

    static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.shuffify");

    @Test
    void corePackagesHaveNoImportCycle() {
        // every package is a slice: dev.shuffify (the facade), dev.shuffify.model, dev.shuffify.internal.engine …
        slices().matching("dev.shuffify.(**)").should().beFreeOfCycles().check(CORE);
    }

    @Test
    void noPublicSignatureOutsideInternalNamesAnInternalType() {
        codeUnits().that().areDeclaredInClassesThat().resideOutsideOfPackage("dev.shuffify.internal..")
                .and().areDeclaredInClassesThat().arePublic()
                .and().arePublic().or().areProtected()
                .should(exposeNoInternalType()).check(CORE);
        fields().that().areDeclaredInClassesThat().resideOutsideOfPackage("dev.shuffify.internal..")
                .and().areDeclaredInClassesThat().arePublic().and().arePublic()
                .should(new ArchCondition<JavaField>("not have an internal type") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        if (internal(field.getRawType())) {
                            events.add(SimpleConditionEvent.violated(field, field.getFullName()
                                    + " has the internal type " + field.getRawType().getName()));
                        }
                    }
                }).check(CORE);
    }

    private static ArchCondition<JavaCodeUnit> exposeNoInternalType() {
        return new ArchCondition<>("name no type of dev.shuffify.internal in its signature") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                if (!unit.getOwner().getModifiers().contains(JavaModifier.PUBLIC)
                        || unit.getOwner().getPackageName().startsWith("dev.shuffify.internal")) {
                    return;
                }
                List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
                types.add(unit.getRawReturnType());
                types.addAll(unit.getExceptionTypes());
                for (JavaClass type : types) {
                    if (internal(type)) {
                        events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " names "
                                + type.getName()));
                    }
                }
            }
        };
    }

    static boolean internal(JavaClass type) {
        JavaClass base = type.isArray() ? type.getBaseComponentType() : type;
        return base.getPackageName().startsWith("dev.shuffify.internal");
    }
}
