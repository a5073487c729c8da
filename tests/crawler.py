"""Follow every internal link an anonymous visitor can reach, as a search engine would."""

import re
from urllib.parse import urldefrag, urlsplit

LINK = re.compile(r"""(?:href|src)=["']([^"'#]+)""")
SKIP = ("/static/", "/verwaltung/", "/konto/logout/", "mailto:", "tel:")


def crawl(client, start_paths: list[str], limit: int = 2000) -> dict[str, tuple[int, str]]:
    """Return {path: (status, body)} for every page reachable from the start paths."""
    seen: dict[str, tuple[int, str]] = {}
    queue = list(start_paths)
    while queue and len(seen) < limit:
        path = queue.pop()
        if path in seen:
            continue
        response = client.get(path)
        body = "" if response.streaming else response.content.decode("utf-8", "replace")
        seen[path] = (response.status_code, body)
        content_type = response.get("Content-Type", "")
        if response.status_code != 200 or not ("html" in content_type or "xml" in content_type):
            continue
        for link in LINK.findall(body) + re.findall(r"<loc>([^<]+)</loc>", body):
            link = urldefrag(link.replace("&amp;", "&"))[0]
            parts = urlsplit(link)
            if parts.netloc and parts.netloc not in ("testserver", "127.0.0.1:8000"):
                continue
            local = parts.path + (f"?{parts.query}" if parts.query else "")
            if local.startswith("/") and not local.startswith(SKIP) and local not in seen:
                queue.append(local)
    return seen
