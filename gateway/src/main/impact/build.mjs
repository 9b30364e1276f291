// Bundles the impact page (Chart.js and keycloak-js included) into the directory given as the
// first argument (the gateway's build puts it in target/classes/META-INF/resources/impact, which
// Quarkus serves at /impact/).
import { build } from "esbuild";
import { copyFile, mkdir, rm } from "node:fs/promises";
import { join } from "node:path";

const out = process.argv[2] ?? "dist";
await rm(out, { recursive: true, force: true });
await mkdir(out, { recursive: true });
await build({
  entryPoints: ["src/main.js"],
  bundle: true,
  minify: true,
  format: "esm",
  target: ["es2022"],
  legalComments: "linked",
  outfile: join(out, "main.js"),
  logLevel: "warning",
});
for (const file of ["index.html", "style.css"]) {
  await copyFile(join("src", file), join(out, file));
}
