#!/usr/bin/env python3
"""Serves www/ on 127.0.0.1 under the strict Content-Security-Policy the quiz must work under.

usage: scripts/devserver.py [PORT]   (default 8000)
"""
import functools
import http.server
import sys
from pathlib import Path

# The only relaxation the quiz needs is 'wasm-unsafe-eval', to compile its WebAssembly.
CSP = "; ".join(
    [
        "default-src 'none'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "img-src 'self' data:",
        "connect-src 'self'",
        "frame-src 'self'",
        "frame-ancestors 'self'",
        "base-uri 'none'",
        "form-action 'none'",
        # Proof that no HTML sink is used: any innerHTML, document.write or eval would throw.
        "require-trusted-types-for 'script'",
        "trusted-types 'none'",
    ]
)


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".json": "application/json",
    }

    def end_headers(self):
        self.send_header("Content-Security-Policy", CSP)
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        super().end_headers()

    def log_message(self, format, *args):
        pass


def main():
    port = int(sys.argv[1]) if len(sys.argv) > 1 else 8000
    root = Path(__file__).resolve().parent.parent / "www"
    handler = functools.partial(Handler, directory=str(root))
    with http.server.ThreadingHTTPServer(("127.0.0.1", port), handler) as server:
        print(f"Serving the quiz at http://127.0.0.1:{port}/ and the demo article at http://127.0.0.1:{port}/demo.html  (Ctrl-C to stop)", flush=True)
        try:
            server.serve_forever()
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
