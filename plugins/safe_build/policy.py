"""What every page tells the browser it may load.

Only this site's own files: no inline script or style, no plugins, no other
origins, forms only to this site, and no framing by another site (a header
only: browsers ignore frame-ancestors in a meta tag). Provider text is
escaped anyway; the policy means that a mistake in escaping still runs
nothing and sends nothing elsewhere.
"""

CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
# Directives a browser ignores in a <meta> tag, and complains about on every page
# ("... is ignored when delivered via a <meta> element"): headers only.
HEADER_ONLY_DIRECTIVES = ("frame-ancestors", "report-uri", "sandbox")
OTHER_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
}


def meta_policy(policy=CONTENT_SECURITY_POLICY):
    """The policy for base.html's meta tag: every directive a meta tag can carry."""
    directives = [part.strip() for part in policy.split(";") if part.strip()]
    return "; ".join(part for part in directives if part.split()[0] not in HEADER_ONLY_DIRECTIVES)


def headers(policy=CONTENT_SECURITY_POLICY):
    """The headers every address of the site is sent with, in order."""
    return {"Content-Security-Policy": policy, **OTHER_HEADERS}


def headers_file(policy=CONTENT_SECURITY_POLICY):
    """`_headers` in the format Netlify and Cloudflare Pages read: a path, then indented headers."""
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers(policy).items())


def read_headers_file(text):
    """The headers a `_headers` file gives every address (its `/*` rule); for the local server."""
    found, applies = {}, False
    for line in text.splitlines():
        if line and not line[0].isspace():
            applies = line.strip() == "/*"
        elif applies and ":" in line:
            name, value = line.strip().split(":", 1)
            found[name.strip()] = value.strip()
    return found
