package dev.shuffify.internal.plugins;

import dev.shuffify.error.ValidationException;
import dev.shuffify.error.ValidationException.FieldError;
import dev.shuffify.model.JobSpec;
import dev.shuffify.spi.JobChain;
import dev.shuffify.spi.JobExecutor;
import dev.shuffify.spi.ParamSpec;
import dev.shuffify.spi.Params;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A chain resolved against the registered job types: its steps' executors, and how the job's parameters are
 * split into each step's own.
 *
 * <p>The layouts of {@code params}: one section per step, named after the step's type
 * ({@code {"raid": {"limit": 5}, "drip": {"staging_playlist": "s"}}}); or, as stored by earlier versions, flat
 * ({@code {"limit": 5, "staging_playlist": "s"}}), where each value goes to every step that declares a
 * parameter of that name. Both may be mixed. A step's bound parameters ({@link JobChain.Step#bindings()})
 * come from the step they name, never from the user.
 */
public final class Chain {

    /**
     * One resolved step.
     *
     * @param step the declared step
     * @param executor its job type
     */
    public record Link(JobChain.Step step, JobExecutor executor) {
    }

    private final String name;
    private final List<Link> links;

    /**
     * Creates the chain.
     *
     * @param name the chain's job type name (or the {@code a+b} form)
     * @param links the resolved steps, in order
     */
    public Chain(String name, List<Link> links) {
        this.name = name;
        this.links = List.copyOf(links);
    }

    /**
     * The chain's name.
     *
     * @return never null
     */
    public String name() {
        return name;
    }

    /**
     * The steps, as executors that each see only their own parameters.
     *
     * @return one {@link BoundStep} per step
     */
    public List<JobExecutor> executors() {
        List<JobExecutor> out = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            out.add(new BoundStep(this, i, links.get(i).executor()));
        }
        return List.copyOf(out);
    }

    /**
     * Whether {@code params} uses step sections.
     *
     * @param raw the job's parameters
     * @return true when a key is a step's type holding a map
     */
    boolean sectioned(Map<String, ?> raw) {
        if (raw == null) {
            return false;
        }
        for (Link link : links) {
            if (raw.get(link.step().type()) instanceof Map<?, ?>) {
                return true;
            }
        }
        return false;
    }

    /**
     * The path prefix of a step's parameters in errors.
     *
     * @param index the step
     * @param raw the job's parameters
     * @param prefix the prefix of the job's parameters, e.g. {@code job.params}
     * @return {@code prefix.type} in the sectioned layout, else {@code prefix}
     */
    String prefix(int index, Map<String, ?> raw, String prefix) {
        return sectioned(raw) ? prefix + "." + links.get(index).step().type() : prefix;
    }

    /**
     * Each step's raw parameters.
     *
     * @param raw the job's parameters; may be null
     * @param errors receives names no step declares and bound parameters given by the user; null to ignore
     * @param prefix the prefix of field paths in errors
     * @return one map per step
     */
    List<Map<String, Object>> split(Map<String, ?> raw, List<FieldError> errors, String prefix) {
        Map<String, ?> input = raw == null ? Map.of() : raw;
        List<Map<String, Object>> out = new ArrayList<>();
        links.forEach(l -> out.add(new LinkedHashMap<>()));
        for (Map.Entry<String, ?> e : input.entrySet()) {
            String key = e.getKey();
            boolean section = false;
            for (int i = 0; i < links.size(); i++) {
                if (links.get(i).step().type().equals(key) && e.getValue() instanceof Map<?, ?> m) {
                    section = true;
                    Map<String, Object> own = out.get(i);
                    m.forEach((k, v) -> own.put(String.valueOf(k), v));
                    checkNotBound(i, m.keySet(), errors, prefix + "." + key);
                }
            }
            if (section) {
                continue;
            }
            boolean declared = false;
            for (int i = 0; i < links.size(); i++) {
                if (declares(i, key) && !links.get(i).step().bindings().containsKey(key)) {
                    out.get(i).put(key, e.getValue());
                    declared = true;
                }
            }
            if (!declared && errors != null) {
                errors.add(new FieldError(path(prefix, key), "unknown parameter of chain '" + name + "'; allowed: "
                        + allowed()));
            }
        }
        for (int i = 0; i < links.size(); i++) {
            Map<String, Object> own = out.get(i);
            links.get(i).step().bindings().forEach((param, from) -> bound(from, out).ifPresent(v -> own.put(param, v)));
        }
        return out;
    }

    private void checkNotBound(int index, Set<?> given, List<FieldError> errors, String path) {
        if (errors == null) {
            return;
        }
        for (Map.Entry<String, String> b : links.get(index).step().bindings().entrySet()) {
            if (given.contains(b.getKey())) {
                errors.add(new FieldError(path + "." + b.getKey(), "is taken from " + b.getValue() + " in chain '"
                        + name + "'; give " + b.getValue() + " instead"));
            }
        }
    }

    /** The value a binding {@code step.parameter} names: given to that step, else that parameter's default. */
    private Optional<Object> bound(String from, List<Map<String, Object>> split) {
        int dot = from.indexOf('.');
        String type = from.substring(0, dot);
        String param = from.substring(dot + 1);
        for (int i = 0; i < links.size(); i++) {
            if (links.get(i).step().type().equals(type)) {
                Object given = split.get(i).get(param);
                if (given != null) {
                    return Optional.of(given);
                }
                return spec(i, param).map(ParamSpec::defaultValue);
            }
        }
        return Optional.empty();
    }

    private boolean declares(int index, String param) {
        return spec(index, param).isPresent();
    }

    private Optional<ParamSpec> spec(int index, String param) {
        return links.get(index).executor().parameters().stream().filter(p -> p.name().equals(param)).findFirst();
    }

    private String allowed() {
        Set<String> names = new LinkedHashSet<>();
        for (Link link : links) {
            names.add(link.step().type() + " (a section)");
            link.executor().parameters().stream().map(ParamSpec::name)
                    .filter(n -> !link.step().bindings().containsKey(n)).forEach(names::add);
        }
        return String.join(", ", names);
    }

    /**
     * Each step's checked parameters.
     *
     * @param raw the job's parameters
     * @param prefix the prefix of field paths in errors, e.g. {@code job.params}
     * @return one {@link Params} per step
     * @throws ValidationException listing every offending field of every step
     */
    public List<Params> parse(Map<String, ?> raw, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        List<Map<String, Object>> split = split(raw, errors, prefix);
        List<Params> out = new ArrayList<>();
        for (int i = 0; i < links.size(); i++) {
            try {
                out.add(Params.parse(links.get(i).executor().parameters(), split.get(i), prefix(i, raw, prefix)));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.stream().distinct().toList());
        }
        return List.copyOf(out);
    }

    /**
     * The job as one step sees it: its own parameters, the rest of the job unchanged.
     *
     * @param index the step
     * @param spec the chain's job
     * @return the step's job
     */
    JobSpec stepSpec(int index, JobSpec spec) {
        return new JobSpec(links.get(index).step().type(), spec.target(), spec.sources(), spec.algorithm(),
                spec.algorithmParams(), split(spec.params(), null, "").get(index));
    }

    private static String path(String prefix, String name) {
        return prefix == null || prefix.isEmpty() ? name : prefix + "." + name;
    }
}
