package fr.gouv.conventions.api.axon.eventstore;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.type.TypeFactory;
import com.fasterxml.jackson.databind.type.TypeModifier;
import com.fasterxml.jackson.databind.type.TypeParser;
import com.fasterxml.jackson.databind.util.ArrayBuilders;
import com.fasterxml.jackson.databind.util.LRUMap;
import com.fasterxml.jackson.databind.util.LookupCache;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Jackson's type factory, remembering the class found for each name. Axon's {@code JacksonSerializer} asks the
 * factory for the class of every stored event it reads, twice (to type the message, then to deserialize it), and
 * Jackson asks the class loader each time: {@code Class.forName} took a quarter of a rebuild's reading thread and a
 * tenth of its deserializing one (BENCHMARKS.md#class-caching-type-factory). A class loader answers the same class
 * for a name once it has loaded it, so the answer can be kept; a name that finds no class is looked up again.
 * The {@code with...} methods keep this kind of factory, modules' type modifiers included; the one for modifiers
 * follows Jackson's own.
 */
class ClassCachingTypeFactory extends TypeFactory {

    private final Map<String, Class<?>> classes = new ConcurrentHashMap<>();

    /** A factory that looks classes up with the given class loader. */
    static TypeFactory using(ClassLoader classLoader) {
        return new ClassCachingTypeFactory().withClassLoader(classLoader);
    }

    private ClassCachingTypeFactory() {
        super(new LRUMap<>(16, 200)); // Jackson's default type cache
    }

    private ClassCachingTypeFactory(LookupCache<Object, JavaType> typeCache, TypeParser parser,
                                    TypeModifier[] modifiers, ClassLoader classLoader) {
        super(typeCache, parser, modifiers, classLoader);
    }

    @Override
    public Class<?> findClass(String className) throws ClassNotFoundException {
        Class<?> known = classes.get(className);
        if (known != null) {
            return known;
        }
        Class<?> found = super.findClass(className);
        classes.putIfAbsent(className, found);
        return found;
    }

    @Override
    public TypeFactory withClassLoader(ClassLoader classLoader) {
        return new ClassCachingTypeFactory(_typeCache, _parser, _modifiers, classLoader);
    }

    @Override
    public TypeFactory withCache(LookupCache<Object, JavaType> cache) {
        return new ClassCachingTypeFactory(cache, _parser, _modifiers, _classLoader);
    }

    @Override
    public TypeFactory withModifier(TypeModifier modifier) {
        // As Jackson's: a new cache (null) when the modifiers were none or are dropped, the same one otherwise.
        if (modifier == null) {
            return new ClassCachingTypeFactory(null, _parser, null, _classLoader);
        }
        if (_modifiers == null) {
            return new ClassCachingTypeFactory(null, _parser, new TypeModifier[]{modifier}, _classLoader);
        }
        return new ClassCachingTypeFactory(_typeCache, _parser,
                ArrayBuilders.insertInListNoDup(_modifiers, modifier), _classLoader);
    }
}
