"""Driving the browser form (/quan-tri/, Decap CMS) in Chromium against ``cchc edit`` on a copy of the example site.

``EditSession`` copies the example site into a temporary folder and runs ``cchc edit`` there on free ports of
127.0.0.1 (the preview and Decap's local server); the helpers below fill the form as an editor does: by each
field's name (Decap gives a field's input the id "<name>-field-<n>"), typing into inputs, choosing in lists,
clicking "Công bố". Screenshots go to test-artifacts/soan-bai/, and into the editors' guide's pictures
(docs/bien-tap/anh/soan-bai/) when CCHC_GUIDE_SCREENSHOTS is set.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from browser import REPO, require_tool, start_driver
from conftest import copy_example
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

SCREENSHOTS = REPO / "test-artifacts" / "soan-bai"
GUIDE_PICTURES = REPO / "docs" / "bien-tap" / "anh" / "soan-bai"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def require_cms_tools() -> None:
    """Node and Decap's npm packages, as the README's set-up commands install them (CI fails without them)."""
    from cchc.cms.package import DECAP, package_folder
    require_tool("node", shutil.which("node"), "apt-get install nodejs npm")
    folder = package_folder(str(REPO))
    require_tool("decap-cms", folder / DECAP.tarball, "the README's set-up commands fetch it into .cache/cms")
    require_tool("decap-server", folder / "node_modules" / "decap-server" / "dist" / "index.js",
                 "the README's set-up commands install it into .cache/cms")


class EditSession:
    """``cchc edit`` on a copy of the example site; ``with`` starts it and stops it with Ctrl+C (SIGINT)."""

    def __init__(self, root: Path) -> None:
        self.project = copy_example(root)
        self.port, self.cms_port = free_port(), free_port()
        self.output: list[str] = []
        self.process: subprocess.Popen | None = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}/"

    def __enter__(self) -> EditSession:
        require_cms_tools()
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONUNBUFFERED": "1"}
        self.process = subprocess.Popen(
            [str(Path(sys.executable).parent / "cchc"), "edit", "--cong", str(self.port), "--cong-soan-bai",
             str(self.cms_port)], cwd=self.project, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
            text=True, encoding="utf-8", start_new_session=True)  # its own group: a failed stop kills all of it
        threading.Thread(target=self._read_output, daemon=True).start()
        self.wait_for_output("Nhấn Ctrl+C để dừng", seconds=180)
        return self

    def _read_output(self) -> None:
        for line in self.process.stdout:
            self.output.append(line)

    def wait_for_output(self, text: str, seconds: float) -> None:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if text in "".join(self.output):
                return
            if self.process.poll() is not None:
                break
            time.sleep(0.2)
        raise AssertionError(f"cchc edit never printed {text!r}:\n{''.join(self.output)}")

    def stop(self) -> int:
        """Ctrl+C, as an editor stops it; the exit status."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGINT)
        return self.process.wait(timeout=30)

    def __exit__(self, *exc_info) -> None:
        try:
            self.stop()
        except subprocess.TimeoutExpired:
            os.killpg(self.process.pid, signal.SIGKILL)  # cchc edit and both servers, never left running
            self.process.wait()
            raise


def screenshot(driver, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    if os.environ.get("CCHC_GUIDE_SCREENSHOTS"):
        GUIDE_PICTURES.mkdir(parents=True, exist_ok=True)
        shutil.copy(path, GUIDE_PICTURES / path.name)
    return path


def form_driver():
    return start_driver("--window-size=1280,900", "--lang=vi")


def wait(driver, seconds: float = 30) -> WebDriverWait:
    return WebDriverWait(driver, seconds)


def sign_in(driver, base_url: str) -> None:
    """Local mode's sign-in page has one button; after it, the list of collections."""
    driver.get(base_url + "quan-tri/")
    wait(driver).until(lambda d: d.find_elements(By.XPATH, "//button[contains(., 'Đăng nhập')]"))[0].click()
    wait(driver).until(lambda d: d.find_elements(By.XPATH, "//*[contains(text(), 'Tin tức')]"))


def open_entry(driver, base_url: str, collection: str, entry: str | None = None) -> None:
    """A new entry of ``collection``, or an existing one by its file's name without extension."""
    where = f"entries/{entry}" if entry else "new"
    driver.get(f"{base_url}quan-tri/#/collections/{collection}/{where}")
    leave_unsaved(driver)
    driver.refresh()  # a fresh form: the one just saved may still be on screen while Decap changes its route
    leave_unsaved(driver)
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "label[for]"))


def leave_unsaved(driver) -> None:
    """Answer "leave this page?" with yes: a test that left a form unsaved on purpose moves on."""
    from selenium.common.exceptions import NoAlertPresentException
    try:
        driver.switch_to.alert.accept()
    except NoAlertPresentException:
        pass


def field(driver, name: str, index: int = 0):
    """The input of the form field ``name`` (the ``index``-th when a list repeats it)."""
    found = wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, f"[id^='{name}-field-']"))
    return found[index]


def type_into(driver, name: str, text: str, index: int = 0) -> None:
    element = field(driver, name, index)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", element)
    element.click()
    element.send_keys(text)


def choose(driver, name: str, option: str, index: int = 0) -> None:
    """A value of a drop-down list (react-select): type its start, then take the highlighted one."""
    element = field(driver, name, index)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'}); arguments[0].focus()", element)
    ActionChains(driver).send_keys(option).perform()
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[id*='-option-']"))
    ActionChains(driver).send_keys(Keys.ENTER).perform()


def set_date(driver, name: str, value: str, index: int = 0) -> None:
    """A date picker's value, as the browser's own picker would set it ("2023-06-01T08:30" or "2023-06-01")."""
    driver.execute_script(
        "const input = arguments[0];"
        "Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set.call(input, arguments[1]);"
        "input.dispatchEvent(new Event('input', {bubbles: true}));"
        "input.dispatchEvent(new Event('change', {bubbles: true}));", field(driver, name, index), value)


def markdown_body(driver):
    """The rich-text editor of the Markdown body (Slate's editable element)."""
    return wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-slate-editor='true']"))[-1]


def add_item(driver, list_label: str) -> None:
    """Press "Thêm <list's label>" under a list of records."""
    button = driver.find_element(By.XPATH, f"//button[normalize-space(.)='Thêm {list_label}']")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()


def upload_image(driver, name: str, picture: Path) -> None:
    """Choose a picture through the media library: upload it, then take it for the field."""
    button = next(b for b in driver.find_elements(By.TAG_NAME, "button")
                  if "Chọn một hình" in b.get_attribute("textContent"))
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "input[type=file]"))[0].send_keys(str(picture))
    wait(driver).until(lambda d: d.find_elements(By.XPATH, f"//*[normalize-space(text())='{picture.name}']"))
    driver.find_element(By.XPATH, "//button[normalize-space(.)='Lấy những cái đã chọn']").click()


def publish(driver) -> None:
    """"Công bố" → "Công bố ngay": Decap saves the file (local mode: through decap-server)."""
    driver.find_element(By.XPATH, "//span[normalize-space(.)='Công bố']").click()
    wait(driver).until(lambda d: d.find_elements(By.XPATH, "//*[normalize-space(text())='Công bố ngay']"))[0].click()


def preview(driver, selector: str) -> tuple[str, list[str]]:
    """The text of ``selector`` in the form's preview pane and the stylesheets the pane loaded."""
    frame = wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, "iframe"))[0]
    driver.switch_to.frame(frame)
    try:
        shown = wait(driver).until(lambda d: d.find_elements(By.CSS_SELECTOR, selector))[0].text
        sheets = [link.get_attribute("href") for link in driver.find_elements(By.CSS_SELECTOR, "link[rel=stylesheet]")]
    finally:
        driver.switch_to.default_content()
    return shown, sheets


def wait_for_file(path: Path, contains: str = "", seconds: float = 30) -> str:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if path.exists() and contains in (text := path.read_text(encoding="utf-8")):
            return text
        time.sleep(0.2)
    raise AssertionError(f"{path} was not written with {contains!r}")
