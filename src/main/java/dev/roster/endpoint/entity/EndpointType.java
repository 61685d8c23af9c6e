package dev.roster.endpoint.entity;

import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog of endpoint types. {@code MQ_INCOMING} is the seed's; types Roster delivers to itself join the
 * catalog when Roster delivers there.
 */
public enum EndpointType {

    MQ_INCOMING(1, "Incoming MQ", false, "Events from Customer to Enrichment & Historical processing. REST API "
            + "published received messages also to this queue if they are valid. ", Set.of("amqp", "amqps"));

    private final int id;
    private final String displayName;
    private final boolean internal;
    private final String shortDescription;
    private final Set<String> schemes;

    EndpointType(int id, String displayName, boolean internal, String shortDescription, Set<String> schemes) {
        this.id = id;
        this.displayName = displayName;
        this.internal = internal;
        this.shortDescription = shortDescription;
        this.schemes = schemes;
    }

    public static Optional<EndpointType> byId(int id) {
        return Arrays.stream(values()).filter(t -> t.id == id).findFirst();
    }

    /** The type with this label (its name, such as {@code MQ_INCOMING}), regardless of case. */
    public static Optional<EndpointType> byLabel(String label) {
        return Arrays.stream(values()).filter(t -> t.name().equalsIgnoreCase(label)).findFirst();
    }

    public int id() { return id; }
    public String displayName() { return displayName; }
    public boolean internal() { return internal; }
    public String shortDescription() { return shortDescription; }
    /** The URL schemes an endpoint of this type may use. */
    public Set<String> schemes() { return schemes; }
}
