package com.example.mkt.launcher;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * A PostgreSQL server the user already runs (PLATFORM_DB_URL): the platform creates its roles and databases
 * there, and never starts or stops it.
 */
final class ExternalPostgres implements Database {

    private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    private final Settings.ExternalDatabase settings;

    ExternalPostgres(Settings.ExternalDatabase settings) {
        this.settings = settings;
    }

    String adminUrl() {
        return settings.adminUrl();
    }

    /** Fails early, naming the variables to fix, rather than in the middle of 'up'. */
    void check() {
        try (Connection c = connect()) {
            c.isValid(5);
        } catch (SQLException e) {
            throw new PlatformException("cannot connect to the PostgreSQL server in " + Settings.DB_URL + " ("
                    + settings.adminUrl() + ") as " + settings.user() + ": " + e.getMessage()
                    + "; check " + Settings.DB_URL + ", " + Settings.DB_USER + " and " + Settings.DB_PASSWORD, e);
        }
    }

    private Connection connect() throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", settings.user());
        props.setProperty("password", settings.password());
        props.setProperty("connectTimeout", "10");
        return DriverManager.getConnection(settings.adminUrl(), props);
    }

    @Override
    public String jdbcUrl(String database) {
        return withDatabase(settings.adminUrl(), database);
    }

    /** The same server and parameters as {@code url}, another database. */
    static String withDatabase(String url, String database) {
        String prefix = "jdbc:postgresql:";
        if (!url.startsWith(prefix)) {
            throw new IllegalArgumentException("not a PostgreSQL JDBC URL: " + url);
        }
        String rest = url.substring(prefix.length());
        int query = rest.indexOf('?');
        String params = query >= 0 ? rest.substring(query) : "";
        String path = query >= 0 ? rest.substring(0, query) : rest;
        if (!path.startsWith("//")) {
            // jdbc:postgresql:database means localhost:5432
            return prefix + database + params;
        }
        int slash = path.indexOf('/', 2);
        String hosts = slash >= 0 ? path.substring(0, slash) : path;
        return prefix + hosts + "/" + database + params;
    }

    @Override
    public void ensureDatabase(String database, String role, String password) {
        requireIdentifier(database);
        requireIdentifier(role);
        try (Connection c = connect(); Statement st = c.createStatement()) {
            boolean roleExists = exists(c, "SELECT 1 FROM pg_roles WHERE rolname = ?", role);
            String quoted = "'" + password.replace("'", "''") + "'";
            st.execute((roleExists ? "ALTER ROLE " : "CREATE ROLE ") + role + " LOGIN PASSWORD " + quoted);
            if (!exists(c, "SELECT 1 FROM pg_database WHERE datname = ?", database)) {
                if (!superuser(c)) {
                    // A non-superuser with CREATEROLE (a managed server's admin) may only give a database to
                    // a role it is a member of.
                    st.execute("GRANT " + role + " TO CURRENT_USER");
                }
                st.execute("CREATE DATABASE " + database + " OWNER " + role + " ENCODING 'UTF8' TEMPLATE template0");
            }
        } catch (SQLException e) {
            throw new PlatformException("cannot create database " + database + " and role " + role + " on "
                    + settings.adminUrl() + " as " + settings.user() + ": " + e.getMessage()
                    + " (the user needs CREATEDB and CREATEROLE)", e);
        }
    }

    private static boolean superuser(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT rolsuper FROM pg_roles WHERE rolname = CURRENT_USER")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, name);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void requireIdentifier(String name) {
        if (!IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain SQL identifier: " + name);
        }
    }
}
