"""Trunk post-build hook: fills the Content-Security-Policy of the built index.html with the
hashes of its inline scripts and style sheets (Trunk.toml runs it after every build).

index.html's CSP meta tag allows scripts from the page's own origin, plus inline scripts by
hash only: the placeholder 'inline-script-hashes' becomes one 'sha256-…' per inline <script>
(Trunk's start-up module, whose text names the content-hashed files and so changes with every
build, and index.html's start-failure message). Styles come only from the page's inline <style>
elements (style/*.css, written in by Trunk): 'inline-style-hashes' becomes their hashes. A page
built without this hook keeps the placeholders, which browsers ignore: its inline scripts and
styles are then refused, and the app visibly fails to start, rather than running with a weaker
policy.
"""

import base64
import hashlib
import os
import re
import sys

SCRIPT_PLACEHOLDER = "'inline-script-hashes'"
STYLE_PLACEHOLDER = "'inline-style-hashes'"


def fill(html, path, placeholder, tag):
    """`html` with `placeholder` replaced by the hashes of its inline `tag` elements (<script>
    or <style> without `src`); exits with a message when either is missing."""
    if html.count(placeholder) != 1:
        sys.exit(f"csp.py: {path} must hold {placeholder} exactly once, in its Content-Security-Policy meta tag")
    # Browsers hash the element's text exactly as written.
    bodies = re.findall(rf"<{tag}(?![^>]*\ssrc=)[^>]*>(.*?)</{tag}>", html, flags=re.S | re.I)
    if not bodies:
        sys.exit(f"csp.py: no inline <{tag}> found in {path}")
    hashes = sorted({"'sha256-%s'" % base64.b64encode(hashlib.sha256(b.encode("utf-8")).digest()).decode() for b in bodies})
    return html.replace(placeholder, " ".join(hashes))


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        sys.exit("csp.py runs as a Trunk post_build hook (TRUNK_STAGING_DIR is not set)")
    path = os.path.join(staging, "index.html")
    with open(path, encoding="utf-8") as f:
        html = f.read()
    for placeholder, tag in ((SCRIPT_PLACEHOLDER, "script"), (STYLE_PLACEHOLDER, "style")):
        html = fill(html, path, placeholder, tag)
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)


if __name__ == "__main__":
    main()
