"""Serves a built Keel (dist/) on loopback, for scripts/serve and the end-to-end tests.

usage: serve_dist.py DIRECTORY PORT   (PORT 0 picks a free port)

Prints one line `serving http://127.0.0.1:PORT/` once the socket is bound, so a caller that
asked for port 0 can read the port. Sends wasm as application/wasm (streaming compilation)
and asks browsers not to cache index.html (the other files have content hashes in their names).
"""

import functools
import http.server
import os
import sys


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".wasm": "application/wasm"}

    def end_headers(self):
        if self.path in ("/", "/index.html"):
            self.send_header("Cache-Control", "no-cache")
        super().end_headers()

    def log_message(self, format, *args):
        if os.environ.get("KEEL_SERVE_QUIET") != "1":
            super().log_message(format, *args)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: serve_dist.py DIRECTORY PORT")
    directory, port_text = sys.argv[1], sys.argv[2]
    if not os.path.isfile(os.path.join(directory, "index.html")):
        sys.exit(f"{directory}/index.html not found: build first (trunk build --release)")
    if not port_text.isdigit() or int(port_text) > 65535:
        sys.exit(f"port must be a number from 0 to 65535, not {port_text!r}")
    handler = functools.partial(Handler, directory=directory)
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", int(port_text)), handler)
    except OSError as e:
        sys.exit(f"cannot listen on 127.0.0.1:{port_text}: {e.strerror} (set another port: PORT=9000 scripts/serve)")
    print(f"serving http://127.0.0.1:{server.server_address[1]}/", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
