package dev.roster.floor;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** Roster's paths, so that ProvisionBench's "roster" target runs against the floor unchanged. */
@ApplicationPath("/api/v1")
public class FloorApplication extends Application {
}
