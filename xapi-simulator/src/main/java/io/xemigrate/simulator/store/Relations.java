package io.xemigrate.simulator.store;

import com.google.common.collect.ImmutableList;

/**
 * The one-to-many links xapi keeps on both sides: setting {@code VBD.VM} adds the VBD to {@code
 * VM.VBDs}, destroying the VBD removes it. The store applies these so no caller has to.
 */
final class Relations {
  /** {@code child.childField} points at a {@code parent}, whose {@code parentField} lists it. */
  record Link(XapiClass child, String childField, XapiClass parent, String parentField) {}

  static final ImmutableList<Link> LINKS =
      ImmutableList.of(
          new Link(XapiClass.VBD, "VM", XapiClass.VM, "VBDs"),
          new Link(XapiClass.VBD, "VDI", XapiClass.VDI, "VBDs"),
          new Link(XapiClass.VIF, "VM", XapiClass.VM, "VIFs"),
          new Link(XapiClass.VIF, "network", XapiClass.NETWORK, "VIFs"),
          new Link(XapiClass.VGPU, "VM", XapiClass.VM, "VGPUs"),
          new Link(XapiClass.VGPU, "type", XapiClass.VGPU_TYPE, "VGPUs"),
          new Link(XapiClass.VUSB, "VM", XapiClass.VM, "VUSBs"),
          new Link(XapiClass.VDI, "SR", XapiClass.SR, "VDIs"),
          new Link(XapiClass.PBD, "SR", XapiClass.SR, "PBDs"),
          new Link(XapiClass.PBD, "host", XapiClass.HOST, "PBDs"),
          new Link(XapiClass.PIF, "host", XapiClass.HOST, "PIFs"),
          new Link(XapiClass.PIF, "network", XapiClass.NETWORK, "PIFs"),
          new Link(XapiClass.PCI, "host", XapiClass.HOST, "PCIs"),
          new Link(XapiClass.PGPU, "host", XapiClass.HOST, "PGPUs"),
          new Link(XapiClass.CERTIFICATE, "host", XapiClass.HOST, "certificates"),
          new Link(XapiClass.VM, "resident_on", XapiClass.HOST, "resident_VMs"),
          new Link(XapiClass.VM, "snapshot_of", XapiClass.VM, "snapshots"),
          new Link(XapiClass.VDI, "snapshot_of", XapiClass.VDI, "snapshots"),
          new Link(XapiClass.TASK, "subtask_of", XapiClass.TASK, "subtasks"));

  private Relations() {}
}
