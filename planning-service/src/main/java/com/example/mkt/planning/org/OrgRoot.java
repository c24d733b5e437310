package com.example.mkt.planning.org;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import com.example.mkt.planning.shared.PlanningConfig;

import io.quarkus.runtime.StartupEvent;

/**
 * A fresh platform starts with its organisation: on start, planning-service creates the configured head office
 * ({@code planning.org.root.code} / {@code .name}, default HQ / 总部) when the tree has none, and publishes it like
 * any created unit, so the other services learn it. Idempotent across restarts and replicas (see
 * {@link OrgUnitService#createRootIfAbsent}); a second head office stays refused by the tree rules.
 */
@ApplicationScoped
public class OrgRoot {

    private static final Logger LOG = Logger.getLogger(OrgRoot.class);

    private final OrgUnitService units;
    private final PlanningConfig.Root config;

    public OrgRoot(OrgUnitService units, PlanningConfig config) {
        this.units = units;
        this.config = config.org().root();
    }

    void onStart(@Observes StartupEvent start) {
        if (config.createOnStart()) {
            ensure();
        }
    }

    /** Creates the root unless a head office exists; true when this call created it. */
    public boolean ensure() {
        boolean created = units.createRootIfAbsent(config.code(), config.name()).isPresent();
        if (created) {
            LOG.infof("created the org root %s (%s)", config.code(), config.name());
        }
        return created;
    }
}
