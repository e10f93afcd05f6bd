package io.xemigrate.xapi.model;

/**
 * A VM's virtual network interface.
 *
 * @param device the slot number as a string ({@code "0"})
 * @param lockingMode {@code network_default}, {@code locked}, {@code unlocked}, {@code disabled}
 * @param sriov whether it is backed by an SR-IOV virtual function
 */
public record Vif(
    String uuid,
    String vmUuid,
    String networkUuid,
    String mac,
    String device,
    long mtu,
    String lockingMode,
    boolean currentlyAttached,
    boolean sriov) {}
