"""Trunk post-build hook: fills the Content-Security-Policy of the built index.html with the
hashes of its inline scripts (Trunk.toml runs it after every build).

index.html's CSP meta tag allows scripts from the page's own origin, plus inline scripts by
hash only: the placeholder 'inline-script-hashes' becomes one 'sha256-…' per inline <script>
(Trunk's start-up module, whose text names the content-hashed files and so changes with every
build, and index.html's start-failure message). A page built without this hook keeps the
placeholder, which browsers ignore: its inline scripts are then refused, and the app visibly
fails to start, rather than running with a weaker policy.
"""

import base64
import hashlib
import os
import re
import sys

PLACEHOLDER = "'inline-script-hashes'"


def main():
    staging = os.environ.get("TRUNK_STAGING_DIR")
    if not staging:
        sys.exit("csp.py runs as a Trunk post_build hook (TRUNK_STAGING_DIR is not set)")
    path = os.path.join(staging, "index.html")
    with open(path, encoding="utf-8") as f:
        html = f.read()
    if html.count(PLACEHOLDER) != 1:
        sys.exit(f"csp.py: {path} must hold {PLACEHOLDER} exactly once, in its Content-Security-Policy meta tag")
    # Inline scripts: <script> elements without src. Browsers hash the text exactly as written.
    bodies = re.findall(r"<script(?![^>]*\ssrc=)[^>]*>(.*?)</script>", html, flags=re.S | re.I)
    if not bodies:
        sys.exit(f"csp.py: no inline script found in {path}")
    hashes = sorted({"'sha256-%s'" % base64.b64encode(hashlib.sha256(b.encode("utf-8")).digest()).decode() for b in bodies})
    html = html.replace(PLACEHOLDER, " ".join(hashes))
    with open(path, "w", encoding="utf-8") as f:
        f.write(html)


if __name__ == "__main__":
    main()
