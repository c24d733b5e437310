package com.example.mkt.eventing.it;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

/** A stand-in aggregate: its changes and its events commit together. */
@Entity
@Table(name = "test_counter")
public class TestCounter {

    @Id
    public String id;

    public long value;

    @Version
    public long version;
}
