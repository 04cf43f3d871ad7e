package org.reprolab.backend.cuda.internal;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.util.Optional;

/** A shared library opened through the FFM API, and downcall handles to its functions by name. */
final class NativeLibrary {
    private static final Linker LINKER = Linker.nativeLinker();

    private final String name;
    private final SymbolLookup lookup;

    private NativeLibrary(String name, SymbolLookup lookup) {
        this.name = name;
        this.lookup = lookup;
    }

    /** Opens {@code nameOrPath} (a soname the dynamic loader finds, or an absolute path) for the JVM's lifetime. */
    static NativeLibrary open(String nameOrPath) {
        return new NativeLibrary(nameOrPath, SymbolLookup.libraryLookup(nameOrPath, Arena.global()));
    }

    String name() {
        return name;
    }

    /** A downcall handle to {@code function}; throws {@link MissingSymbolException} naming it when absent. */
    MethodHandle bind(String function, MemoryLayout result, MemoryLayout... args) {
        Optional<MemorySegment> symbol = lookup.find(function);
        if (symbol.isEmpty()) {
            throw new MissingSymbolException(name + " lacks " + function);
        }
        FunctionDescriptor descriptor = result == null ? FunctionDescriptor.ofVoid(args) : FunctionDescriptor.of(result, args);
        return LINKER.downcallHandle(symbol.get(), descriptor);
    }

    /** A function a library was expected to have. */
    static final class MissingSymbolException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MissingSymbolException(String message) {
            super(message, null, false, false);
        }
    }

    /** A downcall handle to {@code function}, or null when the library lacks it (an older version). */
    MethodHandle bindOptional(String function, MemoryLayout result, MemoryLayout... args) {
        Optional<MemorySegment> symbol = lookup.find(function);
        return symbol.map(s -> LINKER.downcallHandle(s, FunctionDescriptor.of(result, args))).orElse(null);
    }

    /** A checked Throwable from {@code invokeExact} as an unchecked one (Errors pass through). */
    static RuntimeException rethrow(Throwable t) {
        if (t instanceof RuntimeException r) {
            return r;
        }
        if (t instanceof Error e) {
            throw e;
        }
        return new IllegalStateException(t);
    }
}
