"""The OpenAPI document as a plain HTML page (/api/v1/docs): no scripts, nothing fetched
from elsewhere, every text escaped. It is written from the document itself, so the page
and the machine-readable description never differ."""

from __future__ import annotations

import json
from html import escape
from typing import Any
from urllib.parse import urlencode

STYLE = """body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;
color:#1f2933;line-height:1.45}code,pre{font-family:ui-monospace,monospace;font-size:.9em}
pre{background:#f3f5f7;padding:.6rem;overflow-x:auto}table{border-collapse:collapse;width:100%}
th,td{text-align:left;border-bottom:1px solid #d9dee4;padding:.3rem .4rem;vertical-align:top}
h2{margin-top:2.2rem;border-top:1px solid #d9dee4;padding-top:1rem}.method{color:#0b4f8a}"""


def _type(schema: dict[str, Any]) -> str:
    if schema.get("type") == "array":
        items = schema.get("items", {})
        kind = "list of " + str(items.get("type", "string"))
        return kind + (f" ({', '.join(items['enum'])})" if "enum" in items else "")
    kind = str(schema.get("type", ""))
    if "enum" in schema:
        kind += f" ({', '.join(map(str, schema['enum']))})"
    if "minimum" in schema or "maximum" in schema:
        kind += f" {schema.get('minimum', '')}–{schema.get('maximum', '')}"
    return kind


def _example_url(path: str, parameters: list[dict[str, Any]], city: str | None) -> str:
    """The path with its parameters' examples (and the page's city, if any: a store's
    own city takes none)."""
    query = []
    for p in parameters:
        example = p.get("example")
        if p["name"] == "city":
            example = city
        if example is None:
            continue
        text = ",".join(example) if isinstance(example, list) else str(example).lower() \
            if isinstance(example, bool) else str(example)
        if p["in"] == "path":
            path = path.replace("{" + p["name"] + "}", text)
        elif p["name"] not in ("limit", "offset"):
            query.append((p["name"], text))
    return path + (("?" + urlencode(query, safe=",:")) if query else "")


def _with_city(link: str, city: str | None) -> str:
    return link + (f"?{urlencode({'city': city})}" if city else "")


def _parameters(parameters: list[dict[str, Any]]) -> str:
    rows = "".join(
        f"<tr><td><code>{escape(p['name'])}</code></td><td>{escape(p['in'])}</td>"
        f"<td>{escape(_type(p['schema']))}</td>"
        f"<td>{escape(json.dumps(p['schema']['default'])) if 'default' in p['schema'] else ''}</td>"
        f"<td>{escape(p.get('description', ''))}</td></tr>" for p in parameters)
    return ("<table><thead><tr><th>Parameter</th><th>In</th><th>Type</th><th>Default</th>"
            f"<th>Meaning</th></tr></thead><tbody>{rows}</tbody></table>")


def _fields(document: dict[str, Any], responses: dict[str, Any]) -> str:
    content = responses.get("200", {}).get("content", {}).get("application/json", {})
    schema = content.get("schema", {}).get("properties", {}).get("data", {})
    ref = schema.get("items", schema).get("$ref", "")
    target = document["components"]["schemas"].get(ref.rsplit("/", 1)[-1], {})
    props = target.get("properties", {})
    if not props:
        return ""
    rows = "".join(f"<tr><td><code>{escape(name)}</code></td><td>{escape(_type(spec))}</td>"
                   f"<td>{escape(spec.get('description', ''))}</td></tr>"
                   for name, spec in props.items())
    return ("<details><summary>Fields</summary><table><thead><tr><th>Field</th><th>Type</th>"
            f"<th>Meaning</th></tr></thead><tbody>{rows}</tbody></table></details>")


def docs_html(document: dict[str, Any], city: str | None = None) -> str:
    """The page: the API's description, then every endpoint with its parameters, formats,
    fields and an example request (of ``city``, a city of a many-city store, when given:
    the page's links keep it)."""
    info = document["info"]
    toc, sections = [], []
    for path, item in document["paths"].items():
        op = item["get"]
        anchor = escape(op["operationId"])
        toc.append(f"<li><a href='#{anchor}'><code>GET {escape(path)}</code></a> – "
                   f"{escape(op['summary'])}</li>")
        formats = ", ".join(op["responses"]["200"]["content"])
        example = _example_url(path, op["parameters"], city)
        sections.append(
            f"<section id='{anchor}'><h2><span class='method'>GET</span> "
            f"<code>{escape(path)}</code></h2><p><strong>{escape(op['summary'])}.</strong> "
            f"{escape(op['description'])}</p><p>Formats: {escape(formats)}.</p>"
            f"{_parameters(op['parameters'])}{_fields(document, op['responses'])}"
            f"<p>Example:</p><pre>curl '{escape('http://localhost:8050' + example)}'</pre>"
            "</section>")
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>"
        f"<title>{escape(info['title'])}</title><style>{STYLE}</style></head><body>"
        f"<h1>{escape(info['title'])}</h1><p>Version {escape(info['version'])}. "
        f"{escape(info['description'])}</p>"
        f"<p>Machine-readable: <a href='{escape(_with_city('openapi.json', city))}'>"
        "<code>openapi.json</code></a> "
        "(OpenAPI 3.1).</p>"
        f"<ul>{''.join(toc)}</ul>{''.join(sections)}</body></html>")
