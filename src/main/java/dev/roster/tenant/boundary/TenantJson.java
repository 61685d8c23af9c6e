package dev.roster.tenant.boundary;

import dev.roster.platform.JsonInput;
import dev.roster.tenant.control.TenantCommand;
import jakarta.json.JsonObject;

/** Reads the native API's tenant body (003 Tenant information) into a {@link TenantCommand}. */
public final class TenantJson {

    /** Only bounds what is read; the control checks lengths. */
    static final int ANY = 65_536;

    private TenantJson() {
    }

    public static TenantCommand read(JsonObject body) {
        JsonInput in = JsonInput.of(body);
        TenantCommand command = new TenantCommand(in.text("label", ANY), in.text("name", ANY), in.text("icon", ANY),
                in.text("theme", ANY), in.flag("active"));
        in.check();
        return command;
    }
}
