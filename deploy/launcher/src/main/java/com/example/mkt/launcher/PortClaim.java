package com.example.mkt.launcher;

/** A port a component is about to listen on, and the variable that moves it elsewhere. */
record PortClaim(int port, String component, String variable) {
}
