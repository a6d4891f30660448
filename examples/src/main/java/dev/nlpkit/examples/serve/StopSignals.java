package dev.nlpkit.examples.serve;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;

/**
 * SIGTERM and Ctrl-C (SIGINT) as a request to stop, so that {@code nlpkit serve} drains and then ends through its
 * normal path with exit code 0, as a graceful stop should (a JVM killed by a signal runs its shutdown hooks and
 * exits with 128 + the signal's number: 143, 130).
 *
 * <p>Why reflection: {@code sun.misc.Signal} (module {@code jdk.unsupported}) is the JDK's way to handle a signal,
 * but javac flags every direct use as internal proprietary API, a warning {@code -Xlint:all} cannot silence.
 * Where it is missing, {@link #install} says so and the caller keeps a shutdown hook (exit code 143).
 */
final class StopSignals {

    private StopSignals() {
    }

    /**
     * Makes SIGTERM and SIGINT run {@code onSignal} (on the JVM's signal thread: it must only hand the stop over)
     * instead of the JVM's exit; returns false when this JVM does not allow it for SIGTERM. (SIGINT may be
     * refused alone, e.g. ignored by the shell for a background job; Ctrl-C then keeps the JVM's exit.)
     */
    static boolean install(Runnable onSignal) {
        boolean term = false;
        try {
            Class<?> signal = Class.forName("sun.misc.Signal");
            Class<?> handlerType = Class.forName("sun.misc.SignalHandler");
            InvocationHandler calls = (Object proxy, Method method, Object[] args) -> switch (method.getName()) {
                case "handle" -> {
                    onSignal.run();
                    yield null;
                }
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                case "toString" -> "nlpkit serve stop handler";
                default -> throw new UnsupportedOperationException(method.getName());
            };
            Object handler = Proxy.newProxyInstance(handlerType.getClassLoader(), new Class<?>[] {handlerType}, calls);
            Method handle = signal.getMethod("handle", signal, handlerType);
            for (String name : new String[] {"TERM", "INT"}) {
                try {
                    handle.invoke(null, signal.getConstructor(String.class).newInstance(name), handler);
                    term |= name.equals("TERM");
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // this signal is reserved by the JVM (-Xrs) or ignored by the OS: it keeps its default
                }
            }
            return term;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return term;
        }
    }
}
