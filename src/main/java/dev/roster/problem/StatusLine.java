package dev.roster.problem;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.ServletResponseWrapper;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Gives a status the HTTP layer has no reason phrase for its RFC 9110 phrase: Payara's Grizzly writes
 * {@code 429 CUSTOM} for Too Many Requests (and {@code 422 CUSTOM}), and the Servlet API no longer sets a phrase.
 * Every response passes
 * through here, and {@link ErrorAnswers} calls {@link #set} for answers written before the filters run (the
 * authentication mechanism's). Where the container's response cannot be reached, its own phrase stays.
 */
@WebFilter("/*")
public class StatusLine extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(StatusLine.class.getName());

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        chain.doFilter(request, new HttpServletResponseWrapper(response) {
            @Override
            public void setStatus(int status) {
                super.setStatus(status);
                if (status == 429 || status == 422) {
                    set(response, status);
                }
            }
        });
    }

    /** Sets the status with its phrase on Grizzly's response underneath {@code response}. */
    static void set(ServletResponse response, int status) {
        ServletResponse inner = response;
        while (inner instanceof ServletResponseWrapper wrapper) {
            inner = wrapper.getResponse();
        }
        try {
            Field catalina = field(inner.getClass(), "response");
            catalina.setAccessible(true);
            Object connector = catalina.get(inner);
            Object grizzly = connector.getClass().getMethod("getCoyoteResponse").invoke(connector);
            grizzly.getClass().getMethod("setStatus", int.class, String.class)
                    .invoke(grizzly, status, ErrorAnswers.reason(status));
        } catch (ReflectiveOperationException | RuntimeException unreachable) {
            LOG.log(Level.FINE, "the container's reason phrase stays", unreachable);
        }
    }

    private static Field field(Class<?> type, String name) throws NoSuchFieldException {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            try {
                return c.getDeclaredField(name);
            } catch (NoSuchFieldException notHere) {
                // look in the superclass
            }
        }
        throw new NoSuchFieldException(name);
    }
}
