package dev.roster.problem;

/** 403: the tenant has the service this request is for switched off. */
public final class ServiceSwitchedOff extends RosterException {
    public ServiceSwitchedOff(String service) {
        super(403, "service-switched-off", "Service switched off", "the service " + service + " is switched off for"
                + " this tenant; the platform operator switches it on");
    }
}
