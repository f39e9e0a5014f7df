"""The pages' templates escape what they are given and refuse a name they are not given."""

from __future__ import annotations

import pytest
from jinja2 import UndefinedError

from policykg.templating import environment


@pytest.fixture
def page(tmp_path):
    (tmp_path / "page.html").write_text('<h1 title="{{ name }}">{{ name }}</h1>\n', encoding="utf-8")
    return environment(tmp_path).get_template("page.html")


def test_text_is_escaped_in_content_and_attributes(page):
    assert page.render(name='<script>"x" & y') == (
        '<h1 title="&lt;script&gt;&#34;x&#34; &amp; y">&lt;script&gt;&#34;x&#34; &amp; y</h1>\n'
    )


def test_a_name_not_given_is_an_error_not_a_blank(page):
    with pytest.raises(UndefinedError, match="name"):
        page.render()
