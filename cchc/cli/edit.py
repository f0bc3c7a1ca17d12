"""``cchc edit``: the preview (``mkdocs serve --dirty``) and Decap CMS's local server together, on this machine.

The form at /quan-tri/ of the preview saves through Decap's local server (``decap-server``, npm, run by Node)
straight into the project's files; the preview sees the saved file and rebuilds the page within seconds. Both
listen on 127.0.0.1 only: nobody else on the office network can write to the files. Ctrl+C stops both.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from cchc.cms.admin import LOCAL_PROXY_VARIABLE
from cchc.cms.config import ADMIN_FOLDER
from cchc.cms.package import CmsPackageProblem, server_script

HOST = "127.0.0.1"


class EditProblem(Exception):
    """The editing servers could not start; the message says why, in Vietnamese."""


@dataclass
class Servers:
    preview: subprocess.Popen
    cms: subprocess.Popen

    def stop(self) -> None:
        """Stop both, politely first (MkDocs and Node finish what they write)."""
        for process in (self.preview, self.cms):
            if process.poll() is None:
                process.terminate()
        for process in (self.preview, self.cms):
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def start(project_dir: str, config_file: str, port: int, cms_port: int) -> Servers:
    """Start Decap's local server, then the preview that points its form at it."""
    node = shutil.which("node")
    if node is None:
        raise EditProblem("chưa cài Node.js (lệnh node), cần để chạy máy chủ soạn bài; cài Node.js 20 trở lên "
                          '(Debian: "apt-get install nodejs npm") rồi chạy lại (node not found)')
    try:
        script = server_script(project_dir)
    except CmsPackageProblem as problem:
        raise EditProblem(str(problem)) from None
    api = f"http://{HOST}:{cms_port}/api/v1"
    cms_env = {**os.environ, "PORT": str(cms_port), "BIND_HOST": HOST, "MODE": "fs",
               "GIT_REPO_DIRECTORY": os.path.abspath(project_dir), "LOG_LEVEL": "warn"}
    cms = subprocess.Popen([node, str(script)], cwd=project_dir, env=cms_env)
    preview_env = {**os.environ, LOCAL_PROXY_VARIABLE: api, "NO_MKDOCS_2_WARNING": "1"}
    preview = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"{HOST}:{port}",
                                "-f", config_file], cwd=project_dir, env=preview_env)
    return Servers(preview, cms)


def wait_until_ready(servers: Servers, port: int, cms_port: int, seconds: float = 300) -> None:
    """Wait until the preview answers (its first build) and the local server listens; stop both if one dies."""
    deadline = time.monotonic() + seconds
    pending = {f"http://{HOST}:{port}/": servers.preview, f"http://{HOST}:{cms_port}/": servers.cms}
    while pending and time.monotonic() < deadline:
        for url, process in list(pending.items()):
            if process.poll() is not None:
                servers.stop()
                raise EditProblem(_died(process is servers.preview, port if process is servers.preview else cms_port))
            if _answers(url):
                del pending[url]
        time.sleep(0.3)
    if pending:
        servers.stop()
        raise EditProblem("máy chủ xem trước hoặc máy chủ soạn bài không trả lời sau "
                          f"{seconds:.0f} giây; xem thông báo phía trên rồi chạy lại (servers did not start)")


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except urllib.error.HTTPError:
        return True  # it answers, even if not with a page (decap-server has none at /)
    except OSError:
        return False


def _died(preview: bool, port: int) -> str:
    what = "máy chủ xem trước (mkdocs serve)" if preview else "máy chủ soạn bài (decap-server)"
    return (f"{what} đã dừng ngay khi khởi động; xem thông báo phía trên. Nếu cổng {port} đang bận, chọn cổng khác "
            "bằng --cong hoặc --cong-soan-bai (server stopped)")


def addresses(port: int, cms_port: int) -> str:
    return (f"Xem trước trang: http://{HOST}:{port}/\n"
            f"Soạn bài:        http://{HOST}:{port}/{ADMIN_FOLDER}/ "
            f"(lưu qua máy chủ soạn bài http://{HOST}:{cms_port}/)\n"
            "Bài lưu trong biểu mẫu được ghi ngay vào tệp trong thư mục nội dung; trang xem trước tự cập nhật sau vài "
            "giây.\nNhấn Ctrl+C để dừng cả hai máy chủ.")


def _stop_as_ctrl_c(signum, frame) -> None:
    raise KeyboardInterrupt


def run(project_dir: str, config_file: str, port: int, cms_port: int) -> int:
    """Start both, print the two addresses, and keep them running until Ctrl+C (or one of them stops).

    A stop asked by the system (SIGTERM: a service manager, a closed session) stops both as Ctrl+C does. Ctrl+C is
    handled here too: Python leaves SIGINT ignored in a process started with it ignored (from a background job),
    and then Ctrl+C did nothing.
    """
    for stop_signal in (signal.SIGINT, signal.SIGTERM):
        signal.signal(stop_signal, _stop_as_ctrl_c)
    servers = start(project_dir, config_file, port, cms_port)
    try:
        wait_until_ready(servers, port, cms_port)
        print(addresses(port, cms_port), flush=True)
        while servers.preview.poll() is None and servers.cms.poll() is None:
            time.sleep(0.5)
        print("cchc: một máy chủ đã dừng; dừng nốt máy chủ còn lại (a server stopped)", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("Đang dừng máy chủ xem trước và máy chủ soạn bài…", flush=True)
        return 0
    finally:
        servers.stop()
        print("Đã dừng.", flush=True)
