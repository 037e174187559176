"""Run axe-core in a Playwright page and fail with a report someone can act on.

axe is injected with `page.evaluate(source)`, not `add_script_tag`: a
Content-Security-Policy such as `script-src 'self'` (which a host may add)
blocks an inline script tag, but not code that the test evaluates. Inject
again after every navigation.
"""

from functools import lru_cache
from pathlib import Path

import pytest

AXE_JS = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2, levels A and AA. axe has no `wcag22a` tag; `wcag22aa` is `target-size`.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}


@lru_cache(maxsize=1)
def axe_source():
    if not AXE_JS.is_file():
        pytest.fail(
            f"axe-core is missing ({AXE_JS}). Run `make test` (or `npm ci`), which installs it.",
            pytrace=False,
        )
    return AXE_JS.read_text(encoding="utf-8")


def run_axe(page, context=None, options=None):
    """Run axe on the page as it is now; return axe's results object (a dict)."""
    if not page.evaluate("() => typeof window.axe === 'object'"):
        page.evaluate(axe_source())
    return page.evaluate(
        "([context, options]) => axe.run(context || document, options)",
        [context, options or AXE_OPTIONS],
    )


def format_violations(violations):
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation.get('impact') or 'no impact given'}): "
            f"{violation['help']}\n  {violation.get('helpUrl', '')}"
        )
        for node in violation["nodes"]:
            target = " ".join(
                ", ".join(part) if isinstance(part, list) else str(part) for part in node["target"]
            )
            lines.append(f"    target: {target}")
            lines.append(f"    html:   {node['html'].strip()}")
            summary = (node.get("failureSummary") or "").strip().replace("\n", "\n            ")
            if summary:
                lines.append(f"    why:    {summary}")
    return "\n".join(lines)


def assert_no_axe_violations(page, context=None):
    """Fail, listing every violation, its impact and help, and each failing node's
    selector and HTML, if axe finds any WCAG 2.2 A/AA problem on the page."""
    results = run_axe(page, context)
    violations = results["violations"]
    assert not violations, (
        f"axe-core {results['testEngine']['version']} found {len(violations)} WCAG A/AA "
        f"violation(s) on {page.url} "
        f"(viewport {page.viewport_size['width']}x{page.viewport_size['height']}):\n"
        + format_violations(violations)
    )
