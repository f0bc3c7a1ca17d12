"""The form as published, in Chromium: Decap itself accepts the configuration made for each Git host (it shows that
host's sign-in, not its "configuration error" page), the page asks nothing of another host before an editor signs
in, and a site without a Git host says so in Vietnamese instead of trying the editor's own machine.

The built site is served on 127.0.0.1 under a name that is not "localhost" (Chromium maps cchc.test to it), as
the department's server would be: Decap's local mode is only tried on localhost and 127.0.0.1. Decap needs a
secure page (HTTPS, as the department's site is, or localhost): the guide for IT officers says so.
"""

from __future__ import annotations

import pytest
from browser import start_driver
from cms_browser import free_port, require_cms_tools
from conftest import Site
from example_site import SiteServer, logged_requests, same_origin
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait
from test_cms_config import HOSTS

pytestmark = pytest.mark.browser

SIGN_IN = {"github": "Đăng nhập bằng GitHub", "gitlab": "Đăng nhập bằng GitLab", "gitea": "Đăng nhập bằng Gitea",
           "forgejo": "Đăng nhập bằng Forgejo"}


def built_with(site: Site, cms: dict | None):
    if cms:
        site.config["extra"]["cms"] = cms
    site.write_config()
    site.build_ok(CCHC_CMS_LOCAL=f"http://127.0.0.1:{free_port()}/api/v1")  # nothing listens there
    return site.site_dir


def open_admin(site_dir):
    """The built site on 127.0.0.1 as http://cchc.test:<port>, which Chromium treats as secure as the department's
    HTTPS address is (Decap needs a secure page: it calls crypto.randomUUID)."""
    server = SiteServer(site_dir).__enter__()
    base = f"http://cchc.test:{server.server_port}"
    driver = start_driver("--window-size=1280,900", "--host-resolver-rules=MAP cchc.test 127.0.0.1",
                          f"--unsafely-treat-insecure-origin-as-secure={base}", network_log=True)
    driver.get(base + "/quan-tri/")
    return driver, server, base


@pytest.mark.parametrize("name", HOSTS)
def test_decap_accepts_each_hosts_configuration_and_asks_no_other_host_before_sign_in(site, name):
    require_cms_tools()
    host, _ = HOSTS[name]
    written = {"backend": host.backend, "repo": host.repo, "branch": host.branch, "host": host.host,
               "app_id": host.app_id, "auth_url": host.auth_url, "editorial_workflow": host.editorial_workflow}
    driver, server, base = open_admin(built_with(site, {k: v for k, v in written.items() if v}))
    try:
        WebDriverWait(driver, 30).until(
            lambda d: d.find_elements(By.XPATH, f"//button[contains(., '{SIGN_IN[name]}')]"))
        assert "Lỗi cấu hình" not in driver.find_element(By.TAG_NAME, "body").text
        elsewhere = [r.url for r in logged_requests(driver) if not same_origin(r.url, base)]
        assert elsewhere == []
    finally:
        driver.quit()
        server.__exit__(None, None, None)


def test_without_a_git_host_the_published_form_says_how_to_edit_instead(site):
    require_cms_tools()
    driver, server, base = open_admin(built_with(site, None))
    try:
        notice = WebDriverWait(driver, 30).until(lambda d: [e for e in d.find_elements(By.ID, "cchc-no-host")
                                                            if e.is_displayed()])
        assert "Chưa soạn bài trên trang này được" in notice[0].text and "cchc edit" in notice[0].text
        assert [r.url for r in logged_requests(driver) if not same_origin(r.url, base)] == []
    finally:
        driver.quit()
        server.__exit__(None, None, None)
