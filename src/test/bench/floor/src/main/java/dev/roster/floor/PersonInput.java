package dev.roster.floor;

/** A create's body (JSON-B); ProvisionBench sends these four fields, and a grant sends {@code role}. */
public class PersonInput {
    public String username;
    public String email;
    public String firstName;
    public String lastName;
    public String role;
}
