package dev.roster.it.shared;

import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.core.spi.LoadableExtension;

/** Registers {@link SharedRosterContainer} as the system tests' Arquillian container. */
public class SharedRosterExtension implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.service(DeployableContainer.class, SharedRosterContainer.class);
    }
}
