// Builds plotly-atlas.min.js: plotly.js core with the trace types of traces.json registered,
// minified by esbuild with plotly.js's own build options (esbuild-config.js of the package).
// Run it through `make plotly-bundle` (README.md).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { build } from "esbuild";

const require = createRequire(import.meta.url);
const here = new URL(".", import.meta.url).pathname;
const traces = JSON.parse(readFileSync(`${here}traces.json`, "utf8"));
const version = require("plotly.js/package.json").version;
const entry = [
    '"use strict";',
    'var Plotly = require("plotly.js/lib/core");',
    `Plotly.register([${traces.map((t) => `require("plotly.js/lib/${t}")`).join(", ")}]);`,
    "module.exports = Plotly;",
].join("\n");
const licence = readFileSync(require.resolve("plotly.js/LICENSE"), "utf8").trim();
const banner = [
    "/**",
    `* plotly.js v${version} (partial bundle of the atlas, dashboard/plotly_bundle/)`,
    `* traces: ${traces.join(", ")}`,
    "* Copyright 2012-2026, Plotly, Inc.",
    "* All rights reserved.",
    "* Licensed under the MIT license (plotly-atlas.LICENSE.txt)",
    "*/",
].join("\n");

// plotly.js's registry requires MapLibre's style sheet for the tile-map traces (upstream
// inlines it with esbuild-plugin-inline-css). Without a tile-map trace that require never
// runs: an empty module, so no 81 kB of CSS. With one, it is put in a <style> at load.
const TILE_MAP_TRACES = ["choroplethmap", "densitymap", "scattermap"];
const inlineCss = traces.some((t) => TILE_MAP_TRACES.includes(t));
const mapCss = {
    name: "maplibre-css",
    setup(b) {
        b.onLoad({ filter: /maplibre-gl\.css$/ }, (args) => {
            const css = inlineCss ? readFileSync(args.path, "utf8") : "";
            const js = inlineCss
                ? `var s = document.createElement("style"); s.textContent = ${JSON.stringify(css)};`
                  + " document.head.appendChild(s);"
                : "";
            return { contents: js, loader: "js" };
        });
    },
};

const out = `${here}../assets/plotly-atlas.min.js`;
await build({
    stdin: { contents: entry, resolveDir: here, sourcefile: "plotly-atlas.js" },
    outfile: out,
    format: "iife",
    globalName: "Plotly",
    bundle: true,
    minify: true,
    legalComments: "eof",
    sourcemap: false,
    define: { global: "window", "define.amd": "false", "process.env.NODE_DEBUG": "false" },
    alias: { stream: "stream-browserify" },
    target: "es2016",
    banner: { js: banner },
    footer: { js: "window.Plotly = Plotly;" },
    plugins: [mapCss],
    logLevel: "info",
});
writeFileSync(`${here}../assets/plotly-atlas.LICENSE.txt`, `${licence}\n`);
