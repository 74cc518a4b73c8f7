package dev.shuffify.json;

import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import dev.shuffify.error.ValidationException;
import java.io.IOException;

/**
 * Turns a model record's refusal (its compact constructor's checks) into a Jackson error that names the type
 * and the field: {@code invalid Snapshot: userId is required (missing or null)}, {@code invalid Pin:
 * pin.positions: a position pin needs 0 <= from <= to, was 3..1}. Types outside {@code dev.shuffify.model}
 * are left to Jackson.
 */
final class ModelProblems extends DeserializationProblemHandler {
    private static final String MODEL_PACKAGE = "dev.shuffify.model";

    @Override
    public Object handleInstantiationProblem(DeserializationContext ctxt, Class<?> instClass, Object argument,
            Throwable t) throws IOException {
        if (!instClass.getPackageName().equals(MODEL_PACKAGE)) {
            return NOT_HANDLED;
        }
        Throwable cause = t;
        while (cause.getCause() != null && !isModelRefusal(cause)) {
            cause = cause.getCause();
        }
        if (!isModelRefusal(cause)) {
            return NOT_HANDLED;
        }
        throw ValueInstantiationException.from(ctxt.getParser(), "invalid " + typeName(instClass) + ": "
                + reason(cause), ctxt.constructType(instClass), cause);
    }

    private static boolean isModelRefusal(Throwable t) {
        return t instanceof NullPointerException || t instanceof IllegalArgumentException
                || t instanceof ValidationException;
    }

    private static String reason(Throwable t) {
        if (t instanceof ValidationException v) {
            return String.join("; ", v.errors().stream().map(ValidationException.FieldError::toString).toList());
        }
        if (t instanceof NullPointerException && t.getMessage() != null && t.getMessage().matches("[A-Za-z]+")) {
            return t.getMessage() + " is required (missing or null)";
        }
        return String.valueOf(t.getMessage());
    }

    private static String typeName(Class<?> type) {
        return type.getEnclosingClass() == null ? type.getSimpleName()
                : type.getEnclosingClass().getSimpleName() + "." + type.getSimpleName();
    }
}
