package org.passerelle.partnership.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.LongPredicate;
import org.passerelle.commons.api.Actor;
import org.passerelle.commons.idempotency.IdempotencyKeys;
import org.passerelle.commons.problem.ProblemException;
import org.passerelle.commons.rest.Page;
import org.passerelle.commons.rest.Sorting;
import org.passerelle.commons.security.AccessScope;
import org.passerelle.commons.security.Roles;
import org.passerelle.commons.time.Now;
import org.passerelle.partnership.Partner;
import org.passerelle.partnership.PartnerContact;
import org.passerelle.partnership.PartnerContactAccess;
import org.passerelle.partnership.api.ChangeContactRequest;
import org.passerelle.partnership.api.ContactAccessView;
import org.passerelle.partnership.api.ContactExport;
import org.passerelle.partnership.api.ContactRequest;
import org.passerelle.partnership.api.ContactView;
import org.passerelle.partnership.repository.PartnerContactAccessRepository;
import org.passerelle.partnership.repository.PartnerContactRepository;
import org.passerelle.partnership.repository.PartnerRepository;
import org.passerelle.problem.ProblemType;

/**
 * Partners' contacts, personal data: read by the school's staff of the partner's country and by the
 * partner itself (never by integrations); recorded, changed and erased by the country's admins and
 * by the partner itself; exported (right of access) by the country's admins. Every read and change
 * is kept in their access log (who, when, for what operation), which the country's admins read and
 * the export includes. Events never carry them.
 */
@ApplicationScoped
public class PartnerContactService {

  /** The idempotent operation that records a contact; its stored answers name the person. */
  private static final String ADD = "add-partner-contact";

  private final PartnerRepository partners;
  private final PartnerContactRepository contacts;
  private final PartnerContactAccessRepository accesses;
  private final IdempotencyKeys idempotency;
  private final Now now;

  PartnerContactService(
      PartnerRepository partners,
      PartnerContactRepository contacts,
      PartnerContactAccessRepository accesses,
      IdempotencyKeys idempotency,
      Now now) {
    this.partners = partners;
    this.contacts = contacts;
    this.accesses = accesses;
    this.idempotency = idempotency;
    this.now = now;
  }

  /** What a partner's contacts sort by (ADR 0040): by name unless asked otherwise. */
  public static final Sorting CONTACTS =
      Sorting.of("name", "id", "name", "name", "jobTitle", "jobTitle", "createdAt", "createdAt");

  /** What the contacts' access log sorts by (ADR 0040): newest first unless asked otherwise. */
  public static final Sorting ACCESSES =
      Sorting.of("-at", "-id", "at", "at", "action", "action", "actor", "actor");

  @Transactional
  public Page<ContactView> list(UUID partnerId, int page, int size, AccessScope scope) {
    return list(partnerId, CONTACTS.parse(null), page, size, scope);
  }

  /** A partner's contacts in the order asked for, ties broken by id. */
  @Transactional
  public Page<ContactView> list(
      UUID partnerId, Sorting.Order order, int page, int size, AccessScope scope) {
    Partner partner = readable(partnerId, scope);
    Page<ContactView> found =
        Page.of(contacts.current(partner.id, order.sort()), page, size, ContactView::of);
    if (!found.items().isEmpty()) {
      record(scope, PartnerContactAccess.Action.LIST, partner, null, "listPartnerContacts");
    }
    return found;
  }

  @Transactional
  public IdempotencyKeys.Outcome<ContactView> add(
      UUID partnerId, ContactRequest request, String idempotencyKey, AccessScope scope) {
    return idempotency.once(
        idempotencyKey,
        scope.subject(),
        ADD + " " + partnerId,
        request,
        ContactView.class,
        () -> {
          Partner partner = readable(partnerId, scope);
          requireManager(partner, scope);
          if (request.email() == null && request.phone() == null) {
            throw ProblemException.invalid("email", "invalid-request.contact-unreachable");
          }
          PartnerContact contact = new PartnerContact();
          contact.id = UUID.randomUUID();
          contact.partnerId = partner.id;
          contact.name = request.name().strip();
          contact.jobTitle = request.jobTitle() == null ? null : request.jobTitle().strip();
          contact.email =
              request.email() == null ? null : request.email().strip().toLowerCase(Locale.ROOT);
          contact.phone = request.phone() == null ? null : request.phone().strip();
          contact.createdAt = now.timestamp();
          contact.createdBy = scope.subject();
          contacts.persistAndFlush(contact);
          return ContactView.of(contact);
        });
  }

  @Transactional
  public ContactView get(UUID partnerId, UUID contactId, AccessScope scope) {
    Partner partner = readable(partnerId, scope);
    PartnerContact contact = contact(partnerId, contactId, false);
    if (!contact.erased()) {
      record(scope, PartnerContactAccess.Action.READ, partner, contact.id, "getPartnerContact");
    }
    return ContactView.of(contact);
  }

  /**
   * A merge patch of the person's details (see {@link ChangeContactRequest}), by those who record
   * them, against the version last read. The same values again change nothing. 409 once erased.
   */
  @Transactional
  public ContactView change(
      UUID partnerId,
      UUID contactId,
      ChangeContactRequest request,
      LongPredicate ifMatch,
      AccessScope scope) {
    Partner partner = readable(partnerId, scope);
    requireManager(partner, scope);
    PartnerContact contact = contact(partnerId, contactId, true);
    if (!ifMatch.test(contact.version)) {
      throw new ProblemException(ProblemType.PRECONDITION_FAILED, "precondition-failed.detail");
    }
    if (contact.erased()) {
      throw new ProblemException(ProblemType.CONFLICT, "conflict.contact-erased");
    }
    String name = request.name == null ? contact.name : request.name.strip();
    String jobTitle = merged(request.jobTitle, contact.jobTitle);
    String email =
        request.email == null
            ? contact.email
            : request.email.map(value -> value.strip().toLowerCase(Locale.ROOT)).orElse(null);
    String phone = merged(request.phone, contact.phone);
    if (email == null && phone == null) {
      throw ProblemException.invalid("email", "invalid-request.contact-unreachable");
    }
    if (name.equals(contact.name)
        && Objects.equals(jobTitle, contact.jobTitle)
        && Objects.equals(email, contact.email)
        && Objects.equals(phone, contact.phone)) {
      return ContactView.of(contact);
    }
    contact.name = name;
    contact.jobTitle = jobTitle;
    contact.email = email;
    contact.phone = phone;
    contacts.flush(); // the new version, for the ETag
    record(scope, PartnerContactAccess.Action.CHANGE, partner, contact.id, "changePartnerContact");
    return ContactView.of(contact);
  }

  /** The contacts' access log of a partner, newest first: the country's admins. */
  @Transactional
  public Page<ContactAccessView> accesses(UUID partnerId, int page, int size, AccessScope scope) {
    return accesses(partnerId, ACCESSES.parse(null), page, size, scope);
  }

  /** The same, in the order asked for, ties broken by id (newest first). */
  @Transactional
  public Page<ContactAccessView> accesses(
      UUID partnerId, Sorting.Order order, int page, int size, AccessScope scope) {
    Partner partner = readable(partnerId, scope);
    requireCountryLevel(partner, scope);
    return Page.of(accesses.ofPartner(partner.id, order.sort()), page, size, ContactAccessView::of);
  }

  /** Right of access: everything held about the person. 409 once erased: nothing is left. */
  @Transactional
  public ContactExport export(UUID partnerId, UUID contactId, AccessScope scope) {
    Partner partner = readable(partnerId, scope);
    requireCountryLevel(partner, scope);
    PartnerContact contact = contact(partnerId, contactId, false);
    if (contact.erased()) {
      throw new ProblemException(ProblemType.CONFLICT, "conflict.contact-erased");
    }
    record(scope, PartnerContactAccess.Action.EXPORT, partner, contact.id, "exportPartnerContact");
    accesses.flush();
    return new ContactExport(
        ContactView.of(contact),
        partner.id,
        partner.name,
        partner.country,
        contact.createdBy,
        accesses.ofContact(partner.id, contact.id, contact.createdAt).stream()
            .map(ContactAccessView::of)
            .toList(),
        Actor.of(contact.createdBy));
  }

  /**
   * Right to erasure: the person's name, role, email and phone are blanked for good; the row stays
   * to show that there was a contact and when it was erased, and the answers kept for retried
   * creates are forgotten. 409 if already erased.
   */
  @Transactional
  public ContactView erase(UUID partnerId, UUID contactId, AccessScope scope) {
    Partner partner = readable(partnerId, scope);
    requireManager(partner, scope);
    PartnerContact contact = contact(partnerId, contactId, true);
    if (contact.erased()) {
      throw new ProblemException(ProblemType.CONFLICT, "conflict.contact-erased");
    }
    contact.name = null;
    contact.jobTitle = null;
    contact.email = null;
    contact.phone = null;
    contact.createdBy = null;
    contact.erasedAt = now.timestamp();
    contacts.flush();
    record(scope, PartnerContactAccess.Action.ERASE, partner, contact.id, "erasePartnerContact");
    // The answer kept for a retried create would still hold the person's details.
    idempotency.forgetResponsesMentioning(List.of(ADD + " %"), List.of(contact.id.toString()));
    return ContactView.of(contact);
  }

  private static String merged(Optional<String> change, String current) {
    return change == null ? current : change.map(String::strip).orElse(null);
  }

  private void record(
      AccessScope scope,
      PartnerContactAccess.Action action,
      Partner partner,
      UUID contactId,
      String purpose) {
    PartnerContactAccess access = new PartnerContactAccess();
    access.id = UUID.randomUUID();
    access.at = now.timestamp();
    access.actor = scope.subject() == null ? "system" : scope.subject();
    access.actorRoles = String.join(",", new TreeSet<>(scope.roles()));
    access.action = action;
    access.partnerId = partner.id;
    access.contactId = contactId;
    access.country = partner.country;
    access.purpose = purpose;
    accesses.persist(access);
  }

  /** The partner, if the caller may read its contacts at all; 404 otherwise. */
  private Partner readable(UUID partnerId, AccessScope scope) {
    return partners
        .findByIdOptional(partnerId)
        .filter(
            partner ->
                (scope.isStaff() && scope.coversCountry(partner.country))
                    || scope.isPartner(partner.id.toString()))
        .orElseThrow(() -> ProblemException.notFound("partner"));
  }

  private PartnerContact contact(UUID partnerId, UUID contactId, boolean lock) {
    PartnerContact contact =
        lock
            ? contacts.findById(contactId, LockModeType.PESSIMISTIC_WRITE)
            : contacts.findById(contactId);
    if (contact == null || !contact.partnerId.equals(partnerId)) {
      throw ProblemException.notFound("partner-contact");
    }
    return contact;
  }

  /** The country's admins, or the partner organisation itself. */
  private static void requireManager(Partner partner, AccessScope scope) {
    if (!scope.isPartner(partner.id.toString())) {
      requireCountryLevel(partner, scope);
    }
  }

  private static void requireCountryLevel(Partner partner, AccessScope scope) {
    boolean countryLevel = scope.isPlatformAdmin() || scope.has(Roles.COUNTRY_ADMIN);
    if (!countryLevel || !scope.coversCountry(partner.country)) {
      throw ProblemException.outOfScope();
    }
  }
}
