package dev.roster.it.shared;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;

/** What a system test may know of the shared Roster beyond its address. */
public final class SharedRoster {

    static final String LOG_PROPERTY = "roster.it.log.file";
    public static final String MAIL_FROM = "roster@roster.example";
    /** The SMTP server the shared Roster sends its e-mail to (GreenMail, in this JVM). */
    static GreenMail mail;

    private SharedRoster() {
    }

    /** The e-mail the shared Roster has sent so far. */
    public static GreenMail mail() {
        if (mail == null) {
            throw new IllegalStateException("the shared Roster has not started");
        }
        return mail;
    }

    /** A real SMTP server on a free port of the loopback interface, accepting every recipient. */
    public static GreenMail startMail() {
        GreenMail server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        return server;
    }

    /** The shared Roster's whole log (Payara Micro's standard output and error). */
    public static Path log() {
        String file = System.getProperty(LOG_PROPERTY);
        if (file == null) {
            throw new IllegalStateException("the shared Roster has not started");
        }
        return Path.of(file);
    }
}
