"""A large path of the body limit may name one path segment with `*` (an article's slug)."""

from __future__ import annotations

from transdesk.web.bodylimit import BodyLimit


def test_a_star_stands_for_exactly_one_path_segment():
    limits = BodyLimit(
        None,  # type: ignore[arg-type]  (only the path lookup is exercised)
        default_limit=10,
        large_paths={"/api/articles": 20, "/desk/articles/*/xliff": 30},
    )
    assert limits.limit_for("/api/articles/") == 20
    assert limits.limit_for("/desk/articles/putin-kim-beijing/xliff") == 30
    assert limits.limit_for("/desk/articles/a/b/xliff") == 10
    assert limits.limit_for("/desk/articles//xliff") == 10
    assert limits.limit_for("/desk/articles/a/xliff/more") == 10
    assert limits.limit_for("/desk/articles/*/xliff.") == 10
