package org.commitmentledger.events.schema;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import org.commitmentledger.events.Party;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;

/**
 * Instances of a record built through its canonical constructor: the fullest, with every component set and every list
 * holding one element, and the emptiest, with only what is required. Between them they produce every property and
 * every null a message of that record can carry.
 */
final class Samples {

    private Samples() {
    }

    static Object fullest(Class<?> record) {
        return build(record, true);
    }

    static Object emptiest(Class<?> record) {
        return build(record, false);
    }

    private static Object build(Class<?> record, boolean fullest) {
        RecordComponent[] components = record.getRecordComponents();
        Object[] values = new Object[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent component = components[i];
            JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
            boolean required = component.getType().isPrimitive() || property != null && property.required()
                    || component.getAccessor().isAnnotationPresent(JsonValue.class);
            values[i] = fullest || required ? value(component.getGenericType(), fullest) : null;
        }
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            return record.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            throw new IllegalStateException("cannot build a sample " + record.getSimpleName(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Object value(Type type, boolean fullest) {
        if (type instanceof ParameterizedType list && list.getRawType() == List.class) {
            return fullest ? List.of(value(list.getActualTypeArguments()[0], true)) : List.of();
        }
        Class<?> javaClass = (Class<?>) type;
        if (javaClass == String.class) {
            return "sample-text";
        }
        if (javaClass == boolean.class) {
            return fullest;
        }
        if (javaClass == long.class) {
            return 144_556L;
        }
        if (javaClass == BigDecimal.class) {
            return new BigDecimal("-30.1");
        }
        if (javaClass == LocalDate.class) {
            return LocalDate.of(2023, 6, 30);
        }
        if (javaClass == YearMonth.class) {
            return YearMonth.of(2023, 6);
        }
        if (javaClass.isEnum()) {
            return javaClass.getEnumConstants()[0];
        }
        if (javaClass == Party.class) {
            return new Party("MX");
        }
        if (javaClass.isRecord()) {
            return build(javaClass, fullest);
        }
        throw new IllegalArgumentException("no sample for " + javaClass.getName());
    }
}
