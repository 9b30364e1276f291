package org.passerelle.partnership.api;

import java.util.UUID;
import org.passerelle.partnership.Device;
import org.passerelle.partnership.DeviceStatus;

/** A computer of a donation as its donor and staff see it: what it is and where it is in life. */
public record DonatedDevice(UUID id, String serialNumber, String model, DeviceStatus status) {

  public static DonatedDevice of(Device device) {
    return new DonatedDevice(device.id, device.serialNumber, device.model, device.status);
  }
}
