package com.example.mkt.campaign.attribution;

/**
 * Whether the sub-windows limit attribution. The reference campaign's sub-windows are recommended focus periods
 * ("建议分公司重点在以下两种类型假期开展"), so by default the whole period counts and the
 * sub-window is only reported.
 */
public enum WindowMode {
    WHOLE_PERIOD,
    SUB_WINDOWS_ONLY
}
