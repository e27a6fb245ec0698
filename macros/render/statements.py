"""Pages every public-sector site needs, written from the council's settings.

The accessibility statement follows the structure of the model statement for
the Public Sector Bodies (Websites and Mobile Applications) (No. 2)
Accessibility Regulations 2018: scope, how accessible the site is, feedback
and contact, enforcement, compliance status, non-accessible content and how
the statement was prepared.
"""

from __future__ import annotations

from html import escape

from macros.load.settings import Compliance, Contact, Enforcement, Settings
from macros.model.dates import long_date

REGULATIONS = ("the Public Sector Bodies (Websites and Mobile Applications) (No. 2) "
               "Accessibility Regulations 2018")
WCAG = "Web Content Accessibility Guidelines version 2.2 AA standard"


def render_contact(contact: Contact) -> str:
    """An <address> block: office, name, email, telephone, post."""
    lines = [f"<strong>{escape(contact.post)}</strong>"]
    if contact.name:
        lines.append(escape(contact.name))
    if contact.email:
        email = escape(contact.email)
        lines.append(f'Email: <a href="mailto:{email}">{email}</a>')
    if contact.phone:
        tel = "tel:" + contact.phone.replace(" ", "")
        lines.append(f'Telephone: <a href="{escape(tel)}">{escape(contact.phone)}</a>')
    if contact.address:
        lines.append("Post: " + escape(contact.address))
    return f'<address class="smc-contact">{"<br>".join(lines)}</address>'


def _list(items: tuple[str, ...]) -> str:
    return "<ul>" + "".join(f"<li>{escape(i)}</li>" for i in items) + "</ul>"


def _compliance(settings: Settings) -> str:
    a = settings.accessibility
    if a.compliance is Compliance.fully:
        return f"<p>This website is fully compliant with the {WCAG}.</p>"
    if a.compliance is Compliance.partially:
        head = (f"<p>This website is partially compliant with the {WCAG}, due to the "
                "non-compliances listed below.</p>")
    else:
        head = (f"<p>This website is not compliant with the {WCAG}. The non-accessible "
                "sections are listed below.</p>")
    return (head + '<h3 id="non-accessible-content">Non-accessible content</h3>'
            "<p>The content listed below is non-accessible for the following reasons.</p>"
            + _list(a.non_accessible))


def _enforcement(enforcement: Enforcement) -> str:
    if enforcement is Enforcement.northern_ireland:
        return ("<p>The Equality Commission for Northern Ireland (ECNI) is responsible for "
                f"enforcing {REGULATIONS} (the 'accessibility regulations') in Northern "
                "Ireland. If you're not happy with how we respond to your complaint, "
                '<a href="https://www.equalityni.org/Home" rel="noopener">contact the '
                "Equality Commission for Northern Ireland</a>.</p>")
    return ("<p>The Equality and Human Rights Commission (EHRC) is responsible for enforcing "
            f"{REGULATIONS} (the 'accessibility regulations'). If you're not happy with how we "
            'respond to your complaint, <a href="https://www.equalityadvisoryservice.com/" '
            'rel="noopener">contact the Equality Advisory and Support Service (EASS)</a>.</p>')


def render_accessibility_statement(settings: Settings, site_name: str, site_url: str) -> str:
    a = settings.accessibility
    council = escape(settings.council.name)
    site = escape(site_name)
    contact = render_contact(settings.accessibility_contact)
    parts = [
        f"<p>This accessibility statement applies to the {site} website"
        + (f', <a href="{escape(site_url)}">{escape(site_url)}</a>' if site_url else "")
        + f". It is run by {council}.</p>",
        "<p>We want as many people as possible to be able to use this website. For example, "
        "you should be able to change colours, contrast levels and fonts using your browser "
        "or device settings, zoom in up to 400% without text spilling off the screen, get "
        "around the website using just a keyboard or speech recognition software, and listen "
        "to it using a screen reader. Every page works without JavaScript, and no page "
        "contacts any other website.</p>",
        '<h2 id="how-accessible">How accessible this website is</h2>',
        ("<p>We believe every page of this website meets the standard below.</p>"
         if a.compliance is Compliance.fully else
         "<p>We know some parts of this website are not fully accessible: they are listed "
         'under <a href="#non-accessible-content">Non-accessible content</a>.</p>'),
        '<h2 id="feedback">Feedback and contact information</h2>',
        "<p>If you need information on this website in a different format, such as accessible "
        "PDF, large print, easy read, audio recording or braille, or if you find a problem "
        "that is not listed on this page, contact:</p>",
        contact,
        '<h2 id="enforcement">Enforcement procedure</h2>',
        _enforcement(a.enforcement),
        '<h2 id="technical">Technical information about this website\'s accessibility</h2>',
        f"<p>{council} is committed to making its website accessible, in accordance with "
        f"{REGULATIONS}.</p>",
        '<h3 id="compliance-status">Compliance status</h3>',
        _compliance(settings),
    ]
    if a.out_of_scope:
        parts += ['<h3 id="out-of-scope">Content that\'s not within the scope of the '
                  "accessibility regulations</h3>", _list(a.out_of_scope)]
    if a.improving:
        parts += ['<h2 id="improving">What we\'re doing to improve accessibility</h2>',
                  f"<p>{escape(a.improving)}</p>"]
    reviewed = f" It was last reviewed on {long_date(a.reviewed)}." if a.reviewed else ""
    by = f" The test was carried out by {escape(a.tested_by)}." if a.tested_by else ""
    parts += [
        '<h2 id="preparation">Preparation of this accessibility statement</h2>',
        f"<p>This statement was prepared on {long_date(a.prepared)}.{reviewed}</p>",
        f"<p>This website was last tested on {long_date(a.tested)}.{by} "
        f"{escape(a.method)}</p>",
    ]
    return '<div class="smc-statement">' + "\n".join(parts) + "</div>"
