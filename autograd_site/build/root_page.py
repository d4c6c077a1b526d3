"""The site's root ``index.html``: sends readers to their language."""

from __future__ import annotations

from pathlib import Path

from autograd_site.languages import NAMES, SOURCE

TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>PyTorch Autograd by Example</title>
{alternates}
<script>
// Go to the first language the browser prefers that the site has; else the default.
(function () {{
  var available = {available};
  var preferred = navigator.languages || [navigator.language || "en"];
  for (var i = 0; i < preferred.length; i++) {{
    var code = String(preferred[i]).toLowerCase().split("-")[0];
    if (available.indexOf(code) !== -1) {{ window.location.replace(code + "/index.html"); return; }}
  }}
  window.location.replace("{fallback}/index.html");
}})();
</script>
</head>
<body>
<main>
<h1>PyTorch Autograd by Example</h1>
<ul>
{links}
</ul>
</main>
</body>
</html>
"""


def write_root_page(path: Path, languages: tuple[str, ...]) -> None:
    """The root page of a site that has ``languages`` (and only those)."""
    links = "\n".join(
        f'<li><a href="{code}/index.html" hreflang="{code}" lang="{code}">{NAMES[code]}</a></li>'
        for code in languages
    )
    alternates = "\n".join(
        f'<link rel="alternate" hreflang="{code}" href="{code}/index.html">' for code in languages
    )
    available = "[" + ", ".join(f'"{code}"' for code in languages) + "]"
    fallback = SOURCE if SOURCE in languages else languages[0]
    path.write_text(
        TEMPLATE.format(alternates=alternates, available=available, links=links, fallback=fallback), encoding="utf-8"
    )
