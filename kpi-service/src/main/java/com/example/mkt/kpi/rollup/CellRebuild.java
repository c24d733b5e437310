package com.example.mkt.kpi.rollup;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.example.mkt.kpi.period.Period;
import com.example.mkt.kpi.period.PeriodType;

/**
 * One rebuild of every cell from the stored facts, in the caller's transaction, without holding the cells in the JVM:
 * the old unit cells are set aside in a temporary table, both cell tables are emptied and refilled from the facts,
 * read in chunks, with partial sums flushed through the appliers' own additive upserts, and the cells that changed
 * are found by comparing the two tables in SQL and handed over a page at a time through a cursor. Memory is bounded
 * by one chunk of facts, {@link #FLUSH_CELLS} pending cells and one page of changes, whatever the history holds.
 */
final class CellRebuild {

    /** Changed cells handed over per page. */
    static final int CHUNK = 1000;
    /**
     * Heap pages of facts read per statement: about a thousand facts at the 50 or so a page holds, and never more than
     * 291 a page (PostgreSQL's limit of rows per 8 kB page) whatever the facts hold.
     */
    static final int CHUNK_PAGES = 20;
    /** Pending cells (unit and staff) that trigger a flush: the bound on what a rebuild holds in memory. */
    static final int FLUSH_CELLS = 50_000;
    /** Rows per upsert statement. */
    private static final int UPSERT_ROWS = 10_000;

    /** Receives the changed cells a page at a time, in {@link CellKey} order. */
    @FunctionalInterface
    interface ChangeSink {
        void accept(List<CellStore.Changed> page) throws SQLException;
    }

    private final Connection c;
    private final Rollup rollup;
    private final Map<CellKey, BigDecimal[]> sums = new TreeMap<>();
    private final Map<StaffCellKey, BigDecimal[]> staffSums = new TreeMap<>();
    private long facts;
    private long unparked;
    private long stillParked;

    CellRebuild(Connection c, Rollup rollup) {
        this.c = c;
        this.rollup = rollup;
    }

    long facts() {
        return facts;
    }

    long unparked() {
        return unparked;
    }

    long stillParked() {
        return stillParked;
    }

    /**
     * Facts first, then cells: the same order appliers take them in, so no deadlock. Appliers wait for the rebuild
     * (and for a retry of parked facts, which locks the same way), readers do not.
     */
    static void lock(Connection c) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("LOCK TABLE measure_fact IN SHARE ROW EXCLUSIVE MODE");
            st.execute("LOCK TABLE kpi_cell IN SHARE ROW EXCLUSIVE MODE");
            st.execute("LOCK TABLE kpi_staff_cell IN SHARE ROW EXCLUSIVE MODE");
        }
    }

    /** Keeps the old unit cells for the comparison (dropped at commit at the latest) and empties both tables. */
    void setOldCellsAside() throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE kpi_cell_before ON COMMIT DROP AS"
                    + " SELECT kpi_code, org_unit, period_key, period_type, period_start, numerator, denominator"
                    + " FROM kpi_cell");
            st.executeUpdate("DELETE FROM kpi_cell");
            st.executeUpdate("DELETE FROM kpi_staff_cell");
        }
    }

    /**
     * Adds every fact that can be rolled up along today's org tree, one chunk at a time, unparking those whose unit
     * has arrived. Partial sums are kept per cell until {@link #FLUSH_CELLS} cells are pending, then added to the
     * tables with the appliers' upserts: memory stays bounded while a cell is still written about once per flush,
     * not once per chunk. Last, the cells the facts sum to nothing in (a sale and its refund) are removed, which a
     * rebuild does not keep.
     */
    void recompute() throws SQLException {
        long pages = factPages();
        for (long page = 0; page < pages; page += CHUNK_PAGES) {
            readChunk(page, Math.min(page + CHUNK_PAGES, pages));
            if (sums.size() + staffSums.size() >= FLUSH_CELLS) {
                flush();
            }
        }
        flush();
        try (Statement st = c.createStatement()) {
            st.executeUpdate("DELETE FROM kpi_cell WHERE numerator = 0 AND denominator = 0");
            st.executeUpdate("DELETE FROM kpi_staff_cell WHERE numerator = 0 AND denominator = 0");
        }
    }

    /** measure_fact's heap pages now: the table is locked against writers, so the facts are all in them. */
    private long factPages() throws SQLException {
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT pg_relation_size('measure_fact')"
                     + " / current_setting('block_size')::bigint")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The facts in heap pages {@code from} (inclusive) to {@code to} added to the pending sums. Chunks are ranges of
     * pages (a TID range scan: no index to keep for the rebuild's sake on every fact inserted). A fact this rebuild
     * unparks gets a new row version, of this transaction, possibly on a page still to come: the xmin condition keeps
     * it from being read twice.
     */
    private void readChunk(long from, long to) throws SQLException {
        List<Fact> chunk = new ArrayList<>(CHUNK);
        List<Long> unpark = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(FactStore.SELECT_FACTS + " WHERE ctid >= ?::tid"
                + " AND ctid < ?::tid AND xmin <> pg_current_xact_id()::xid")) {
            ps.setString(1, "(" + from + ",0)");
            ps.setString(2, "(" + to + ",0)");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Fact fact = FactStore.fact(rs);
                    if (rollup.rejection(fact.delta()).isPresent()) {
                        stillParked++;
                        continue;
                    }
                    if (rs.getBoolean("parked")) {
                        unpark.add(rs.getLong("seq"));
                    }
                    chunk.add(fact);
                }
            }
        }
        FactStore.unpark(c, unpark);
        rollup.merge(chunk.stream().map(Fact::delta).toList()).forEach(d -> add(sums, d.key(), d.numerator(),
                d.denominator()));
        rollup.mergeStaff(chunk).forEach(d -> add(staffSums, d.key(), d.numerator(), d.denominator()));
        facts += chunk.size();
        unparked += unpark.size();
    }

    private static <K> void add(Map<K, BigDecimal[]> sums, K key, BigDecimal numerator, BigDecimal denominator) {
        BigDecimal[] s = sums.computeIfAbsent(key, k -> new BigDecimal[] {BigDecimal.ZERO, BigDecimal.ZERO});
        s[0] = s[0].add(numerator);
        s[1] = s[1].add(denominator);
    }

    /** The pending sums added to the tables, in key order and slices of {@link #UPSERT_ROWS}, then forgotten. */
    private void flush() throws SQLException {
        List<CellDelta> cells = new ArrayList<>(sums.size());
        sums.forEach((k, s) -> cells.add(new CellDelta(k, s[0], s[1])));
        cells.removeIf(CellDelta::isNoOp);
        for (int from = 0; from < cells.size(); from += UPSERT_ROWS) {
            CellStore.upsert(c, cells.subList(from, Math.min(cells.size(), from + UPSERT_ROWS)));
        }
        List<StaffCellDelta> staffCells = new ArrayList<>(staffSums.size());
        staffSums.forEach((k, s) -> staffCells.add(new StaffCellDelta(k, s[0], s[1])));
        staffCells.removeIf(StaffCellDelta::isNoOp);
        for (int from = 0; from < staffCells.size(); from += UPSERT_ROWS) {
            StaffCellStore.upsert(c, staffCells.subList(from, Math.min(staffCells.size(), from + UPSERT_ROWS)));
        }
        sums.clear();
        staffSums.clear();
    }

    /**
     * Compares the new unit cells with the old ones and hands every changed cell to the sink, in {@link CellKey}
     * order: a new or different cell, or an old non-empty one that is gone (now zero). Returns how many changed.
     */
    int compare(ChangeSink sink) throws SQLException {
        int changed = 0;
        try (Statement st = c.createStatement()) {
            st.execute("DECLARE kpi_cell_changes NO SCROLL CURSOR FOR " + CHANGES);
            while (true) {
                List<CellStore.Changed> page = new ArrayList<>(CHUNK);
                try (ResultSet rs = st.executeQuery("FETCH FORWARD " + CHUNK + " FROM kpi_cell_changes")) {
                    while (rs.next()) {
                        page.add(changed(rs));
                    }
                }
                if (page.isEmpty()) {
                    break;
                }
                sink.accept(page);
                changed += page.size();
            }
            st.execute("CLOSE kpi_cell_changes");
            st.execute("DROP TABLE kpi_cell_before");
        }
        return changed;
    }

    /** How many unit cells the rebuild left. */
    int cells() throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM kpi_cell")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static CellStore.Changed changed(ResultSet rs) throws SQLException {
        CellKey key = new CellKey(rs.getString(2), Period.parse(rs.getString(3)), rs.getString(1));
        return new CellStore.Changed(key, sums(rs.getBigDecimal(4), rs.getBigDecimal(5)),
                sums(rs.getBigDecimal(6), rs.getBigDecimal(7)));
    }

    private static CellStore.Sums sums(BigDecimal numerator, BigDecimal denominator) {
        return numerator == null ? CellStore.Sums.ZERO : new CellStore.Sums(numerator, denominator);
    }

    /**
     * Old (b) and new (a) cells side by side, only where they differ, ordered as {@link CellKey} compares: codes by
     * their characters (collation "C"), then periods by start and grain, coarsest first.
     */
    private static final String CHANGES = """
            SELECT coalesce(a.kpi_code, b.kpi_code), coalesce(a.org_unit, b.org_unit),
                   coalesce(a.period_key, b.period_key), b.numerator, b.denominator, a.numerator, a.denominator
              FROM kpi_cell a
              FULL JOIN kpi_cell_before b
                ON b.kpi_code = a.kpi_code AND b.org_unit = a.org_unit AND b.period_key = a.period_key
             WHERE CASE WHEN a.kpi_code IS NULL THEN b.numerator <> 0 OR b.denominator <> 0
                        ELSE b.kpi_code IS NULL OR b.numerator <> a.numerator OR b.denominator <> a.denominator END
             ORDER BY coalesce(a.kpi_code, b.kpi_code) COLLATE "C", coalesce(a.org_unit, b.org_unit) COLLATE "C",
                      coalesce(a.period_start, b.period_start), %s
            """.formatted(grainOrder("coalesce(a.period_type, b.period_type)"));

    /** The grain's place in {@link PeriodType}, the tie-break of {@link Period#compareTo}. */
    private static String grainOrder(String column) {
        return Stream.of(PeriodType.values())
                .map(t -> "WHEN '" + t.name() + "' THEN " + t.ordinal())
                .collect(Collectors.joining(" ", "CASE " + column + " ", " END"));
    }
}
