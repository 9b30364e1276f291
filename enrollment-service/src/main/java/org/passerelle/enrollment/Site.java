package org.passerelle.enrollment;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A school site applications can be made to, with its country. */
@Entity
@Table(name = "site")
public class Site {
  @Id public String code;
  public String country;
}
