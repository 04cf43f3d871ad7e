package org.reprolab.api;

/** Typed access to the parameter values of one run. */
public interface ParamValues {

    /** The validated value of a parameter (the profile's default unless the user set it). */
    <T> T param(ParamSpec<T> spec);
}
