"""Where the browser form saves: the department's Git host, chosen in mkdocs.yml (``extra: cms:``), or the
editor's own machine (``cchc edit``, Decap's local mode).

GitLab, Gitea and Forgejo sign editors in from the browser alone (OAuth with PKCE: an application registered
on the host, no secret, no server of ours). GitHub does not allow that from a browser (its token address sends
no CORS headers), so it needs a small sign-in relay (``auth_url``), as Decap's documentation describes. The
editorial workflow (draft, in review, ready: each a pull or merge request) is Decap's on GitHub, GitLab and
Forgejo; Gitea's backend has none, so asking for it there is an error, not a silent no.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from cchc.core.declaration import Field
from cchc.core.declared import read, reject_unknown
from cchc.core.fields import Fields

HOSTS = {"github": "GitHub", "gitlab": "GitLab (gitlab.com hoặc máy chủ riêng)",
         "gitea": "Gitea (máy chủ riêng)", "forgejo": "Forgejo (máy chủ riêng, có quy trình duyệt bài)"}
WITH_WORKFLOW = ("github", "gitlab", "forgejo")
"""The hosts whose Decap backend has the editorial workflow."""
SELF_HOSTED = ("gitea", "forgejo")
PKCE_HOSTS = ("gitlab", "gitea", "forgejo")
LOCAL_PROXY = "http://127.0.0.1:8081/api/v1"
"""Where ``cchc edit`` runs Decap's local server unless told otherwise (``CCHC_CMS_LOCAL``)."""

CMS_FIELDS = (
    Field("backend", "choice", "máy chủ Git lưu nội dung", "Nơi biểu mẫu trên trình duyệt lưu bài; bỏ trống thì chỉ "
          'soạn được trên máy mình bằng "cchc edit".', choices=HOSTS, example="gitlab"),
    Field("repo", "text", "kho nội dung", "Chủ sở hữu và tên kho trên máy chủ Git.", pattern=r"[\w.-]+(/[\w.-]+)+",
          pattern_hint="chủ/tên-kho, ví dụ so-gddt/cchc", example="so-gddt/cchc"),
    Field("branch", "text", "nhánh", "Nhánh mà trang được dựng từ đó.", default="main", example="main"),
    Field("host", "url", "địa chỉ máy chủ Git", "Bỏ trống với github.com và gitlab.com.",
          example="https://git.sogddt.example.gov.vn"),
    Field("app_id", "text", "mã ứng dụng OAuth (Client ID)", "Mã của ứng dụng OAuth đăng ký trên máy chủ Git, không "
          "bí mật (GitLab, Gitea, Forgejo).", example="0b1c2d3e4f"),
    Field("auth_url", "url", "địa chỉ máy chủ đăng nhập GitHub", "Chỉ với GitHub: máy chủ nhỏ chuyển tiếp đăng nhập "
          "OAuth của Sở.", example="https://dang-nhap.sogddt.example.gov.vn"),
    Field("editorial_workflow", "boolean", "quy trình duyệt bài", "true: bài lưu thành bản nháp, chờ duyệt, sẵn sàng "
          "(mỗi bài một yêu cầu hợp nhất) trước khi đăng (GitHub, GitLab, Forgejo).", example=True),
)
"""``extra: cms:`` of mkdocs.yml, stated once."""


@dataclass(frozen=True)
class GitHost:
    backend: str
    repo: str
    branch: str = "main"
    host: str | None = None
    app_id: str | None = None
    auth_url: str | None = None
    editorial_workflow: bool = False


def load_git_host(f: Fields) -> GitHost | None:
    """``extra: cms:`` read and checked (what each host needs), or None when no host is chosen or it has errors."""
    errors_before = len(f.log.errors)
    reject_unknown(f, CMS_FIELDS)
    values = {spec.name: read(f, spec) for spec in CMS_FIELDS}
    backend = values["backend"]
    if backend is None:
        return None
    needs = {"repo": True, "app_id": backend in PKCE_HOSTS, "host": backend in SELF_HOSTED,
             "auth_url": backend == "github"}
    for name, needed in needs.items():
        if needed and not values[name]:
            f.error(name, f'máy chủ {HOSTS[backend]} cần {_label(name)}; thêm dòng "{name}: ..." vào mục extra: '
                          "cms: (xem docs/van-hanh/soan-bai-tren-may-chu-git.md) (required for this host)")
    if values["editorial_workflow"] and backend not in WITH_WORKFLOW:
        f.error("editorial_workflow", f"{HOSTS[backend]} chưa có quy trình duyệt bài trong Decap CMS; dùng "
                                      '"backend: forgejo" nếu máy chủ là Forgejo, hoặc bỏ dòng này (no workflow)')
    if len(f.log.errors) > errors_before:
        return None
    return GitHost(**{**values, "editorial_workflow": bool(values["editorial_workflow"])})


def _label(name: str) -> str:
    return next(spec.label for spec in CMS_FIELDS if spec.name == name)


def backend_config(host: GitHost | None, local_proxy: str = LOCAL_PROXY) -> dict[str, Any]:
    """Decap's ``backend`` (and ``publish_mode``) for the chosen host; with none, the local server's."""
    if host is None:
        return {"backend": {"name": "proxy", "proxy_url": local_proxy, "branch": "main"}}
    backend: dict[str, Any] = {"name": host.backend, "repo": host.repo, "branch": host.branch}
    if host.backend == "github":
        backend.update(base_url=host.auth_url.rstrip("/"), auth_endpoint="auth")
    elif host.backend == "gitlab":
        root = (host.host or "https://gitlab.com").rstrip("/")
        backend.update(auth_type="pkce", app_id=host.app_id, base_url=root, api_root=f"{root}/api/v4",
                       auth_endpoint="oauth/authorize")
    else:
        root = host.host.rstrip("/")
        backend.update(app_id=host.app_id, base_url=root, api_root=f"{root}/api/v1",
                       auth_endpoint=f"{root}/login/oauth/authorize")
    config: dict[str, Any] = {"backend": backend}
    if host.editorial_workflow:
        config["publish_mode"] = "editorial_workflow"
    return config
