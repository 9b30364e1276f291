package org.passerelle.partnership.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import org.passerelle.partnership.Device;

@ApplicationScoped
public class DeviceRepository implements PanacheRepositoryBase<Device, UUID> {

  public List<Device> ofDonation(UUID donationId) {
    return list("donationId = ?1 order by serialNumber", donationId);
  }

  public boolean serialTaken(String country, String serialNumber) {
    return count("country = ?1 and serialNumber = ?2", country, serialNumber) > 0;
  }
}
