"""The shipped nginx configuration (cchc/publish/nginx/cchc.conf) run by Debian's nginx on 127.0.0.1 for tests.

The configuration is used as shipped, changed only where a server's own values are: its ports (free ports on
127.0.0.1; the IPv6 ``listen`` lines are left out), the served folder, the TLS certificate (a self-signed one made
by openssl for 127.0.0.1), the Let's Encrypt folder and the folder of the optional brotli snippet (the repository's
own). Each is checked to be in the file, so that a change to the configuration cannot slip past the tests.
nginx runs as in production, its master as root and its workers as www-data (``require_nginx_as_root``).
"""

from __future__ import annotations

import contextlib
import http.client
import os
import re
import shutil
import ssl
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from browser import REPO, require_tool

NGINX = Path("/usr/sbin/nginx")
SHIPPED = REPO / "cchc" / "publish" / "nginx" / "cchc.conf"
BROTLI_MODULE = Path("/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so")
DOMAIN = "cchc.sogddt.soctrang.example.vn"

HARNESS = """\
user www-data;
daemon off;
worker_processes 1;
pid {folder}/nginx.pid;
error_log {folder}/error.log;
{modules}
events {{ worker_connections 64; }}
http {{
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path {folder}/temp/body;
    proxy_temp_path {folder}/temp/proxy;
    fastcgi_temp_path {folder}/temp/fastcgi;
    uwsgi_temp_path {folder}/temp/uwsgi;
    scgi_temp_path {folder}/temp/scgi;
    include {folder}/cchc.conf;
}}
"""
"""What Debian's /etc/nginx/nginx.conf gives a server's file (the shipped one, or a test's own): mime.types, and the
module the brotli package enables when asked for."""


def require_nginx_as_root() -> None:
    """nginx serves as www-data only when started by root; under CI a missing nginx or root is a failure."""
    require_tool("nginx", NGINX, "apt-get install nginx")
    if os.geteuid() != 0:
        require_tool("root (nginx switches to www-data only when started as root)", None, "run the tests as root")


@dataclass(frozen=True)
class Ports:
    https: int
    http: int


def adapted(text: str, ports: Ports, site_root: Path, cert: Path, key: Path, acme: Path) -> str:
    """The shipped configuration with this machine's ports and paths in place of a server's."""
    replacements = {
        "listen 443 ssl http2;": f"listen 127.0.0.1:{ports.https} ssl http2;",
        "listen 80;": f"listen 127.0.0.1:{ports.http};",
        "/srv/cchc/sogddt/current": str(site_root),
        f"/etc/letsencrypt/live/{DOMAIN}/fullchain.pem": str(cert),
        f"/etc/letsencrypt/live/{DOMAIN}/privkey.pem": str(key),
        "/var/www/letsencrypt": str(acme),
        "/etc/nginx/snippets/": f"{SHIPPED.parent}/",
    }
    for shipped, local in replacements.items():
        assert shipped in text, f"the shipped configuration no longer has {shipped!r}: update the tests"
        text = text.replace(shipped, local)
    text, ipv6 = re.subn(r"\n *listen \[::\]:\d+[^;]*;", "", text)
    assert ipv6 == 2
    return text


def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    openssl = require_tool("openssl", shutil.which("openssl"), "apt-get install openssl")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
                    "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", str(key), "-out", str(cert)],
                   check=True, capture_output=True, timeout=60)
    return cert, key


def write_harness(folder: Path, conf_text: str, *, brotli: bool = True) -> Path:
    """nginx's main file in ``folder``, around ``conf_text`` (server blocks); with the brotli module if asked."""
    require_nginx_as_root()
    if brotli:
        require_tool("nginx's brotli module", BROTLI_MODULE, "apt-get install libnginx-mod-http-brotli-filter")
    (folder / "temp").mkdir(exist_ok=True)
    (folder / "cchc.conf").write_text(conf_text, encoding="utf-8")
    main = folder / "nginx.conf"
    modules = f"load_module {BROTLI_MODULE};" if brotli else ""
    main.write_text(HARNESS.format(folder=folder, modules=modules), encoding="utf-8")
    return main


def nginx_command(main: Path, *args: str) -> list[str]:
    return [str(NGINX), "-c", str(main), "-p", str(main.parent), "-e", str(main.parent / "error.log"), *args]


@contextlib.contextmanager
def running_nginx(main: Path, ports: Ports):
    process = subprocess.Popen(nginx_command(main), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                if request(ports.https, "/").status:
                    break
            except OSError:
                assert process.poll() is None, process.stderr.read()
                assert time.monotonic() < deadline, "nginx did not answer"
                time.sleep(0.2)
        yield process
    finally:
        process.terminate()
        process.wait(timeout=10)


@dataclass(frozen=True)
class Answer:
    status: int
    headers: dict[str, str]
    body: bytes

    def header(self, name: str) -> str | None:
        return self.headers.get(name.lower())


def _trusting_context() -> ssl.SSLContext:
    """A TLS client context that takes the test's self-signed certificate. It loads no certificate of the system,
    which ``ssl.create_default_context`` does at 30 ms a request."""
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
    context.check_hostname, context.verify_mode = False, ssl.CERT_NONE
    return context


def request(port: int, path: str, encoding: str = "gzip", tls: bool = True) -> Answer:
    """One GET to nginx on 127.0.0.1, redirects not followed, the body as sent (compressed if it was)."""
    if tls:
        connection = http.client.HTTPSConnection("127.0.0.1", port, timeout=10, context=_trusting_context())
    else:
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Accept-Encoding": encoding})
        response = connection.getresponse()
        return Answer(response.status, {k.lower(): v for k, v in response.getheaders()}, response.read())
    finally:
        connection.close()
