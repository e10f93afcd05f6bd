package io.xemigrate.xapi.model;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;

/** A network. Its VLAN tag is read from its PIFs. */
public record Network(
    String uuid,
    String nameLabel,
    String bridge,
    long mtu,
    ImmutableList<String> pifUuids,
    ImmutableMap<String, String> otherConfig) {}
