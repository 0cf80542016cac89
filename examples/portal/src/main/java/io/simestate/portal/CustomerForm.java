package io.simestate.portal;

import io.simestate.core.customer.Customer;
import io.simestate.core.customer.CustomerDetails;

/** What the customer form posts; every field but the name may stay empty. */
public class CustomerForm {
  private String name = "";
  private String street = "";
  private String postalCode = "";
  private String city = "";
  private String country = "";
  private String phone = "";
  private String email = "";
  private String website = "";
  private String notes = "";
  private long version;

  static CustomerForm of(Customer c) {
    CustomerForm f = new CustomerForm();
    f.name = c.name().toString();
    if (c.address() != null) {
      f.street = blankIfNull(c.address().street());
      f.postalCode = blankIfNull(c.address().postalCode());
      f.city = blankIfNull(c.address().city());
      f.country = blankIfNull(c.address().country());
    }
    f.phone = blankIfNull(c.phone());
    f.email = c.email() == null ? "" : c.email().toString();
    f.website = blankIfNull(c.website());
    f.notes = blankIfNull(c.notes());
    f.version = c.version();
    return f;
  }

  CustomerDetails details() {
    return new CustomerDetails(name, orNull(street), orNull(postalCode), orNull(city), null, orNull(country),
        orNull(phone), orNull(email), orNull(website), null, orNull(notes));
  }

  private static String orNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String blankIfNull(String s) {
    return s == null ? "" : s;
  }

  public String getName() { return name; }
  public void setName(String name) { this.name = name; }
  public String getStreet() { return street; }
  public void setStreet(String street) { this.street = street; }
  public String getPostalCode() { return postalCode; }
  public void setPostalCode(String postalCode) { this.postalCode = postalCode; }
  public String getCity() { return city; }
  public void setCity(String city) { this.city = city; }
  public String getCountry() { return country; }
  public void setCountry(String country) { this.country = country; }
  public String getPhone() { return phone; }
  public void setPhone(String phone) { this.phone = phone; }
  public String getEmail() { return email; }
  public void setEmail(String email) { this.email = email; }
  public String getWebsite() { return website; }
  public void setWebsite(String website) { this.website = website; }
  public String getNotes() { return notes; }
  public void setNotes(String notes) { this.notes = notes; }
  public long getVersion() { return version; }
  public void setVersion(long version) { this.version = version; }
}
