package com.example.mkt.launcher;

/** Where the services' databases live: the embedded server, or one the user already runs. */
interface Database {

    /** For the summary: the JDBC URL of one service's database. */
    String jdbcUrl(String database);

    /** A login role and a database it owns, created when missing; the role's password is (re)set. */
    void ensureDatabase(String database, String role, String password);
}
