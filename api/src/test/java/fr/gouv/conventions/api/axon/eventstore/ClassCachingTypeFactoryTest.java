package fr.gouv.conventions.api.axon.eventstore;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.TypeBindings;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.type.TypeModifier;
import com.fasterxml.jackson.databind.util.LRUMap;
import com.fasterxml.jackson.databind.util.LookupCache;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jdk8.Jdk8TypeModifier;
import fr.gouv.conventions.core.event.FundsCommitted;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassCachingTypeFactoryTest {

    private final ClassLoader loader = ClassCachingTypeFactoryTest.class.getClassLoader();

    @Test
    void findsWhatJacksonsFactoryFinds() throws Exception {
        TypeFactory caching = ClassCachingTypeFactory.using(loader);
        TypeFactory jacksons = TypeFactory.defaultInstance().withClassLoader(loader);
        for (String name : List.of(FundsCommitted.class.getName(), MetaData.class.getName(), "java.lang.String",
                "int", "[Ljava.lang.String;", FundsCommitted.class.getName())) {
            assertThat(caching.findClass(name)).as(name).isSameAs(jacksons.findClass(name));
        }
    }

    @Test
    void aNameThatFindsNoClassFailsEveryTime() {
        TypeFactory caching = ClassCachingTypeFactory.using(loader);
        for (int attempt = 0; attempt < 2; attempt++) {
            assertThatThrownBy(() -> caching.findClass("fr.gouv.conventions.core.event.NoSuchEvent"))
                    .isInstanceOf(ClassNotFoundException.class);
        }
    }

    @Test
    void theModulesTypeModifiersAreKept() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        mapper.setTypeFactory(ClassCachingTypeFactory.using(loader));
        Jackson2ObjectMapperBuilder.json().modulesToInstall(new Jdk8Module()).configure(mapper);

        assertThat(mapper.getTypeFactory()).isInstanceOf(ClassCachingTypeFactory.class);
        assertThat(mapper.getTypeFactory().constructType(Optional.class).isReferenceType()).isTrue();
        assertThat(mapper.readValue("{\"value\":null}", Holder.class).value()).isEmpty();
        assertThat(mapper.readValue("{\"value\":\"x\"}", Holder.class).value()).contains("x");
    }

    @Test
    void itsCopiesKeepCachingAndTheirClassLoader() throws Exception {
        TypeFactory caching = ClassCachingTypeFactory.using(loader);

        TypeModifier unchanged = new TypeModifier() {
            @Override
            public JavaType modifyType(JavaType type, Type jdkType, TypeBindings context, TypeFactory factory) {
                return type;
            }
        };
        for (TypeFactory copy : List.of(caching.withModifier(unchanged), caching.withModifier(unchanged)
                .withModifier(new Jdk8TypeModifier()), caching.withModifier(null),
                caching.withCache((LookupCache<Object, JavaType>) new LRUMap<Object, JavaType>(16, 200)),
                caching.withClassLoader(null).withClassLoader(loader))) {
            assertThat(copy).isInstanceOf(ClassCachingTypeFactory.class);
            assertThat(copy.getClassLoader()).isSameAs(loader);
            assertThat(copy.findClass(FundsCommitted.class.getName())).isSameAs(FundsCommitted.class);
        }
    }

    record Holder(Optional<String> value) {
    }
}
