package dev.roster.platform;

import org.apache.derby.jdbc.EmbeddedDataSource;

/**
 * Derby's embedded data source pointed at {@code <data dir>/db}, created on first use; Derby's own log goes
 * to {@code <data dir>/derby.log}. Commits are durable (Derby syncs its log on commit by default).
 */
public class EmbeddedDerby extends EmbeddedDataSource {

    private static final long serialVersionUID = 1L;

    public EmbeddedDerby() {
        var dir = DataDir.path();
        if (System.getProperty("derby.stream.error.file") == null) {
            dir.toFile().mkdirs();
            System.setProperty("derby.stream.error.file", dir.resolve("derby.log").toString());
        }
        setDatabaseName(dir.resolve("db").toString());
        setCreateDatabase("create");
    }
}
