package io.xemigrate.xapi.model;

/**
 * A virtual block device: how a VDI (or an empty CD drive) is attached to a VM.
 *
 * @param vdiUuid the disk, or {@code ""} for an empty drive
 * @param userdevice the slot number as a string ({@code "0"}, {@code "3"})
 * @param readOnly whether the mode is RO
 */
public record Vbd(
    String uuid,
    String vmUuid,
    String vdiUuid,
    String userdevice,
    Type type,
    boolean empty,
    boolean currentlyAttached,
    boolean readOnly) {

  /** xapi's {@code vbd_type}. */
  public enum Type {
    DISK,
    CD,
    FLOPPY
  }
}
