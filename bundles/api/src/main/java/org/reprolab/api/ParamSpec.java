package org.reprolab.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A typed experiment parameter with a default per {@link Profile}, an optional numeric range (which also
 * applies to each element of a list) or a set of choices, and a line of help. Immutable; the
 * {@code range}/{@code choices} methods return a new spec.
 *
 * <pre>{@code
 * static final ParamSpec<Integer> TRIALS = ParamSpec.ofInt("trials", 1, 3, "independent trials").range(1, 50);
 * }</pre>
 *
 * @param <T> the Java type of the value
 */
public final class ParamSpec<T> {

    /** The value types a parameter can have. */
    public enum Type {
        INT("integer"), LONG("integer"), DOUBLE("number"), BOOLEAN("true|false"), STRING("text"),
        INT_LIST("comma-separated integers"), DOUBLE_LIST("comma-separated numbers");

        private final String description;

        Type(String description) {
            this.description = description;
        }

        public String description() {
            return description;
        }
    }

    private final String name;
    private final Type type;
    private final T smokeDefault;
    private final T fullDefault;
    private final double min;
    private final double max;
    private final List<String> choices;
    private final String help;

    private ParamSpec(String name, Type type, T smokeDefault, T fullDefault, double min, double max,
                      List<String> choices, String help) {
        this.name = Objects.requireNonNull(name, "name");
        if (!name.matches("[a-zA-Z][a-zA-Z0-9_.]*")) {
            throw new IllegalArgumentException("parameter name '" + name + "' must be letters, digits, '_' or '.'");
        }
        this.type = type;
        this.smokeDefault = Objects.requireNonNull(smokeDefault, "smoke default of " + name);
        this.fullDefault = Objects.requireNonNull(fullDefault, "full default of " + name);
        this.min = min;
        this.max = max;
        this.choices = List.copyOf(choices);
        this.help = help == null ? "" : help;
        check(smokeDefault);
        check(fullDefault);
    }

    public static ParamSpec<Integer> ofInt(String name, int smoke, int full, String help) {
        return new ParamSpec<>(name, Type.INT, smoke, full, Integer.MIN_VALUE, Integer.MAX_VALUE, List.of(), help);
    }

    public static ParamSpec<Long> ofLong(String name, long smoke, long full, String help) {
        return new ParamSpec<>(name, Type.LONG, smoke, full, -Double.MAX_VALUE, Double.MAX_VALUE, List.of(), help);
    }

    public static ParamSpec<Double> ofDouble(String name, double smoke, double full, String help) {
        return new ParamSpec<>(name, Type.DOUBLE, smoke, full, -Double.MAX_VALUE, Double.MAX_VALUE, List.of(), help);
    }

    public static ParamSpec<Boolean> ofBoolean(String name, boolean smoke, boolean full, String help) {
        return new ParamSpec<>(name, Type.BOOLEAN, smoke, full, 0, 0, List.of(), help);
    }

    /** A text parameter restricted to the given choices. */
    public static ParamSpec<String> ofChoice(String name, String smoke, String full, List<String> choices, String help) {
        if (choices.isEmpty()) {
            throw new IllegalArgumentException("choice parameter '" + name + "' needs at least one choice");
        }
        return new ParamSpec<>(name, Type.STRING, smoke, full, 0, 0, choices, help);
    }

    public static ParamSpec<List<Integer>> ofIntList(String name, List<Integer> smoke, List<Integer> full, String help) {
        return new ParamSpec<>(name, Type.INT_LIST, List.copyOf(smoke), List.copyOf(full),
                Integer.MIN_VALUE, Integer.MAX_VALUE, List.of(), help);
    }

    public static ParamSpec<List<Double>> ofDoubleList(String name, List<Double> smoke, List<Double> full, String help) {
        return new ParamSpec<>(name, Type.DOUBLE_LIST, List.copyOf(smoke), List.copyOf(full),
                -Double.MAX_VALUE, Double.MAX_VALUE, List.of(), help);
    }

    /** Restricts numbers (or every element of a list) to [min, max]. */
    public ParamSpec<T> range(double min, double max) {
        if (type == Type.BOOLEAN || type == Type.STRING) {
            throw new IllegalArgumentException("parameter '" + name + "' is " + type.description + " and has no range");
        }
        if (!(min <= max)) {
            throw new IllegalArgumentException("empty range [" + min + ", " + max + "] for parameter '" + name + "'");
        }
        return new ParamSpec<>(name, type, smokeDefault, fullDefault, min, max, choices, help);
    }

    public String name() {
        return name;
    }

    public Type type() {
        return type;
    }

    public String help() {
        return help;
    }

    public List<String> choices() {
        return choices;
    }

    public T defaultFor(Profile profile) {
        return profile == Profile.SMOKE ? smokeDefault : fullDefault;
    }

    /** A short description of what values are accepted, e.g. "integer in [1, 100]". */
    public String accepts() {
        if (!choices.isEmpty()) {
            return "one of " + String.join(", ", choices);
        }
        boolean bounded = min > -Double.MAX_VALUE && min != Integer.MIN_VALUE || max < Double.MAX_VALUE && max != Integer.MAX_VALUE;
        return bounded ? type.description + " in [" + number(min) + ", " + number(max) + "]" : type.description;
    }

    /**
     * Parses the text given on a command line or form and checks it.
     *
     * @throws ParamException naming the parameter, the bad text and what is accepted
     */
    @SuppressWarnings("unchecked")
    public T parse(String text) {
        Objects.requireNonNull(text, "text");
        String s = text.strip();
        T value;
        try {
            value = (T) switch (type) {
                case INT -> Integer.valueOf(s);
                case LONG -> Long.valueOf(s);
                case DOUBLE -> parseDouble(s);
                case BOOLEAN -> parseBoolean(s);
                case STRING -> s;
                case INT_LIST -> splitList(s).stream().map(Integer::valueOf).toList();
                case DOUBLE_LIST -> splitList(s).stream().map(ParamSpec::parseDouble).toList();
            };
        } catch (NumberFormatException e) {
            throw new ParamException("parameter '" + name + "' expects " + accepts() + ", got '" + text + "'");
        }
        check(value);
        return value;
    }

    /**
     * Checks a value of the right type against the range or choices.
     *
     * @throws ParamException when it does not fit
     */
    public void check(T value) {
        switch (type) {
            case INT, LONG, DOUBLE -> checkNumber(((Number) value).doubleValue());
            case INT_LIST, DOUBLE_LIST -> {
                List<?> list = (List<?>) value;
                if (list.isEmpty()) {
                    throw new ParamException("parameter '" + name + "' expects at least one value");
                }
                list.forEach(v -> checkNumber(((Number) v).doubleValue()));
            }
            case STRING -> {
                if (!choices.isEmpty() && !choices.contains((String) value)) {
                    throw new ParamException("parameter '" + name + "' got '" + value + "'; valid choices: "
                            + String.join(", ", choices));
                }
            }
            case BOOLEAN -> { }
        }
    }

    /** Formats a value the way {@link #parse} reads it back. */
    public String format(Object value) {
        if (value instanceof List<?> list) {
            return list.stream().map(ParamSpec::number).collect(Collectors.joining(","));
        }
        return value instanceof Number n ? number(n) : String.valueOf(value);
    }

    private void checkNumber(double v) {
        if (Double.isNaN(v) || v < min || v > max) {
            throw new ParamException("parameter '" + name + "' = " + number(v) + " is out of range; expects " + accepts());
        }
    }

    private static Double parseDouble(String s) {
        double d = Double.parseDouble(s);
        if (!Double.isFinite(d)) {
            throw new NumberFormatException("not finite");
        }
        return d;
    }

    private static Boolean parseBoolean(String s) {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on", "1" -> Boolean.TRUE;
            case "false", "no", "off", "0" -> Boolean.FALSE;
            default -> throw new NumberFormatException("not a boolean");
        };
    }

    private static List<String> splitList(String s) {
        List<String> parts = new ArrayList<>();
        for (String part : s.split(",", -1)) {
            parts.add(part.strip());
        }
        return parts;
    }

    private static String number(Object n) {
        if (n instanceof Integer || n instanceof Long) {
            return n.toString();
        }
        double d = ((Number) n).doubleValue();
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    @Override
    public String toString() {
        return name + " (" + accepts() + ")";
    }
}
