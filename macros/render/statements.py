"""Pages every public-sector site needs, written from the council's settings.

The accessibility statement (`accessibility-statement.html.jinja`) follows the
structure of the model statement for the Public Sector Bodies (Websites and Mobile
Applications) (No. 2) Accessibility Regulations 2018: scope, how accessible the site
is, feedback and contact, enforcement, compliance status, non-accessible content and
how the statement was prepared. A contact (`contact.html.jinja`) is an address block.
"""

from __future__ import annotations

from typing import NamedTuple

from markupsafe import Markup

from macros.load.settings import Contact, Settings
from macros.model.dates import long_date
from macros.render.environment import Templates


class ContactView(NamedTuple):
    """An office's contact details, and its telephone number as a tel: address."""

    post: str
    name: str | None
    email: str | None
    phone: str | None
    telephone: str | None
    address: str | None


def contact_view(contact: Contact) -> ContactView:
    """What `contact.html.jinja` receives for an office, with its `tel:` address."""
    telephone = "tel:" + contact.phone.replace(" ", "") if contact.phone else None
    return ContactView(contact.post, contact.name, contact.email, contact.phone, telephone,
                       contact.address)


def render_contact(templates: Templates, contact: Contact) -> Markup:
    """An address block: office, name, email, telephone, post."""
    return templates.render("contact.html.jinja", contact=contact_view(contact))


def render_accessibility_statement(templates: Templates, settings: Settings, site_name: str,
                                   site_url: str) -> Markup:
    """The accessibility statement, in the form the 2018 Regulations expect."""
    a = settings.accessibility
    return templates.render(
        "accessibility-statement.html.jinja",
        site=site_name, site_url=site_url, council=settings.council.name,
        compliance=a.compliance.value, non_accessible=a.non_accessible,
        out_of_scope=a.out_of_scope, improving=a.improving, enforcement=a.enforcement.value,
        contact=contact_view(settings.accessibility_contact),
        prepared=long_date(a.prepared), reviewed=long_date(a.reviewed) if a.reviewed else None,
        tested=long_date(a.tested), tested_by=a.tested_by, method=a.method)
