import { copyFileSync, mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "tsup";

const src = (path: string) => fileURLToPath(new URL(path, import.meta.url));

// n8n loads community nodes with require() and installs them without their dependencies
// (only n8n-workflow is provided), so everything except n8n-workflow goes into the bundle.
// The workspace packages are bundled from source, so the bundle always matches the repo.
export default defineConfig({
  entry: {
    "nodes/Front/Front.node": "src/nodes/Front/Front.node.ts",
    "nodes/FrontTrigger/FrontTrigger.node": "src/nodes/FrontTrigger/FrontTrigger.node.ts",
    "credentials/FrontApi.credentials": "src/credentials/FrontApi.credentials.ts",
    "credentials/FrontWebhookApi.credentials": "src/credentials/FrontWebhookApi.credentials.ts",
  },
  outDir: "dist",
  format: ["cjs"],
  outExtension: () => ({ js: ".js" }),
  platform: "node",
  target: "node22",
  dts: false,
  sourcemap: false,
  clean: true,
  splitting: false,
  treeshake: true,
  external: ["n8n-workflow"],
  noExternal: [/^(?!n8n-workflow$).*/],
  esbuildOptions(options) {
    options.alias = {
      "@frontkit/adapters/n8n": src("../adapters/src/n8n/index.ts"),
      // The dependency-free entries first: "@frontkit/tools" alone would also rewrite "@frontkit/tools/redact".
      "@frontkit/tools/redact": src("../tools/src/redact.ts"),
      "@frontkit/tools/token": src("../tools/src/token.ts"),
      "@frontkit/tools": src("../tools/src/index.ts"),
      "@frontkit/core": src("../core/src/index.ts"),
    };
    options.legalComments = "none";
  },
  onSuccess: async () => {
    mkdirSync(src("dist/nodes/Front"), { recursive: true });
    mkdirSync(src("dist/nodes/FrontTrigger"), { recursive: true });
    mkdirSync(src("dist/credentials"), { recursive: true });
    copyFileSync(src("src/nodes/Front/front.svg"), src("dist/nodes/Front/front.svg"));
    copyFileSync(src("src/nodes/Front/Front.node.json"), src("dist/nodes/Front/Front.node.json"));
    // The trigger shows the same icon; one source file, copied beside each node n8n loads.
    copyFileSync(src("src/nodes/Front/front.svg"), src("dist/nodes/FrontTrigger/front.svg"));
    copyFileSync(src("src/nodes/FrontTrigger/FrontTrigger.node.json"), src("dist/nodes/FrontTrigger/FrontTrigger.node.json"));
    copyFileSync(src("src/credentials/front.svg"), src("dist/credentials/front.svg"));
  },
});
