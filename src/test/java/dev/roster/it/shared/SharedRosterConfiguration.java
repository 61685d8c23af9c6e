package dev.roster.it.shared;

import org.jboss.arquillian.container.spi.client.container.ContainerConfiguration;

/** The shared Roster takes its settings from the build (see {@link SharedRosterContainer}); nothing to configure here. */
public class SharedRosterConfiguration implements ContainerConfiguration {

    @Override
    public void validate() {
        // nothing to check
    }
}
