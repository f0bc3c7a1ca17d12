"""Material's interface texts looked up once per build are the texts Material looks up on every use."""

import pytest
from mkdocs.theme import Theme

from cchc.mkdocs_adapter.chrome_cache import translations

KEYS = ("nav", "header", "toc", "tabs", "search.result.none", "clipboard.copy", "top", "footer",
        "key.that.no.language.has")


@pytest.mark.parametrize("language", ["vi", "en"])
def test_translations_are_materials(language):
    env = Theme(name="material", language=language).get_env()
    material = env.from_string('{% import "partials/language.html" as lang with context %}{{ lang.t(key) }}')
    translate = translations(env, language)
    for key in KEYS:
        assert translate(key) == material.render(key=key, config={"theme": {"language": language}})
    assert translate("nav") == ("Thanh điều hướng" if language == "vi" else "Navigation")
