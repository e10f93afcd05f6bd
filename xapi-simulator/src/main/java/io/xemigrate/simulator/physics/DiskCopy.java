package io.xemigrate.simulator.physics;

/**
 * One VDI that storage motion mirrors or copies.
 *
 * @param vdi the VDI's name in the caller's world (ref or UUID), only for the record
 * @param virtualSize bytes; weights the disk's share of task progress, as xapi does
 * @param physicalUtilisation bytes that actually travel (allocated data)
 * @param sourceSr throughput resource read by the copy
 * @param destinationSr throughput resource written by the copy
 */
public record DiskCopy(
    String vdi, long virtualSize, long physicalUtilisation, String sourceSr, String destinationSr) {

  public DiskCopy {
    if (virtualSize < 0 || physicalUtilisation < 0) {
      throw new IllegalArgumentException("disk sizes must not be negative");
    }
  }
}
