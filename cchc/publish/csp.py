"""The Content-Security-Policy of the shipped nginx configuration, and the built site's inline scripts it must allow.

The public pages run three small scripts written inside the page (cchc's mark in <head> that script runs and the
reader's settings; Material's two). The policy allows exactly those by their SHA-256 hashes instead of
'unsafe-inline', so a script injected into a page would not run. A hash allows one exact text: when Material is
upgraded or overrides/main.html changes a script, ``missing_hashes`` names what the configuration lacks, and
``policy_for_site`` writes the policy that allows the new scripts (``cchc publish --csp``).

JSON in a <script> (Material's ``__config``, JSON-LD) is data the browser never runs: the policy need not allow it.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

NGINX_DIR = Path(__file__).parent / "nginx"
NGINX_CONF = NGINX_DIR / "cchc.conf"
"""The shipped configuration: its first Content-Security-Policy is the public pages', its second the CMS's."""
CMS_FOLDER = "quan-tri"
"""The CMS page's folder in the site (/quan-tri/), served with the second policy."""

_SCRIPT = re.compile(r"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_TYPE = re.compile(r"""\btype\s*=\s*["']?([^"'\s>]+)""", re.IGNORECASE)
_SRC = re.compile(r"\bsrc\s*=", re.IGNORECASE)
_RUN_TYPES = ("", "text/javascript", "application/javascript", "module")
_HASH = re.compile(r"'sha256-[A-Za-z0-9+/=]+'")
_POLICY = re.compile(r'add_header\s+Content-Security-Policy\s+"([^"]+)"')


def script_hash(text: str) -> str:
    """A CSP source for one inline script: the SHA-256 of its exact UTF-8 text, quoted as the policy writes it."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def inline_scripts(html: str) -> list[str]:
    """The texts of the scripts written inside a page that a browser runs (not JSON data, not <script src>).

    A regular expression is enough: the pages are cchc's and Material's own output, and editors' Markdown
    reaches them sanitized, without scripts (``cchc.core.safe_html``)."""
    found = []
    for match in _SCRIPT.finditer(html):
        attributes, text = match.groups()
        kind = _TYPE.search(attributes)
        if not _SRC.search(attributes) and (kind.group(1).lower() if kind else "") in _RUN_TYPES:
            found.append(text)
    return found


def site_script_hashes(site_dir: str | Path, cms: bool = False) -> set[str]:
    """The hashes of every inline script of the public pages of a built site, or (``cms``) of its CMS page
    (/quan-tri/), which has a policy of its own."""
    hashes, root = set(), Path(site_dir)
    for page in root.rglob("*.html"):
        if (page.relative_to(root).parts[0] == CMS_FOLDER) == cms:
            hashes.update(script_hash(text) for text in inline_scripts(page.read_text(encoding="utf-8")))
    return hashes


def shipped_policies(conf: Path = NGINX_CONF) -> list[str]:
    """The Content-Security-Policy values of the nginx configuration, in order: the public pages', then /quan-tri/'s."""
    return _POLICY.findall(conf.read_text(encoding="utf-8"))


def policy_hashes(policy: str) -> set[str]:
    return set(_HASH.findall(policy))


def missing_hashes(site_dir: str | Path, conf: Path = NGINX_CONF) -> set[str]:
    """Inline scripts of the built site that the configuration's policies (the public one, the CMS's) would block."""
    public, cms = shipped_policies(conf)
    return ((site_script_hashes(site_dir) - policy_hashes(public))
            | (site_script_hashes(site_dir, cms=True) - policy_hashes(cms)))


def policy_for_site(site_dir: str | Path, conf: Path = NGINX_CONF) -> str:
    """The configuration's public policy with its hashes replaced by those of this site's scripts."""
    policy = shipped_policies(conf)[0]
    hashes = " ".join(sorted(site_script_hashes(site_dir)))
    without = _HASH.sub("", policy)
    without = re.sub(r" {2,}", " ", without).replace(" ;", ";")
    return without.replace("'wasm-unsafe-eval'", f"'wasm-unsafe-eval' {hashes}".rstrip(), 1)
