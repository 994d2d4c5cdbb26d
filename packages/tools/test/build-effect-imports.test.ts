/**
 * The build rewrites `import { … } from "effect"` into per-module imports (scripts/effect-subpath-imports.mjs) so
 * importing the tools does not load all of Effect. The rewrite, its refusal of names Effect has no module for, and
 * the built bundles (when present) are checked here.
 */
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
// @ts-expect-error -- a plain .mjs build script without type declarations
import { rewriteEffectImports } from "../scripts/effect-subpath-imports.mjs";

const rewrite = rewriteEffectImports as (source: string, file: string, effectDist: string) => string;
const packageDir = join(dirname(fileURLToPath(import.meta.url)), "..");
const effectDist = dirname(createRequire(join(packageDir, "package.json")).resolve("effect"));

describe("effect root imports rewritten at build time", () => {
  it("turns each named module into its own namespace import, keeps aliases, drops type-only names", () => {
    const out = rewrite('import { Effect, type Fiber, Schema as S, pipe } from "effect";\nconst x = 1;\n', "x.ts", effectDist);
    expect(out).toBe('import * as Effect from "effect/Effect"; import * as S from "effect/Schema"; import { pipe } from "effect/Function";\nconst x = 1;\n');
  });

  it("leaves type-only imports and other modules alone, and keeps the line count", () => {
    const source = 'import type { Effect } from "effect";\nimport { Effect as E } from "effect/Effect";\nimport {\n  Layer,\n  Option,\n} from "effect";\n';
    const out = rewrite(source, "x.ts", effectDist);
    expect(out.split("\n").length).toBe(source.split("\n").length);
    expect(out).toContain('import type { Effect } from "effect";');
    expect(out).toContain('import { Effect as E } from "effect/Effect";');
    expect(out).toContain('import * as Layer from "effect/Layer"; import * as Option from "effect/Option";');
  });

  it("refuses a name effect has no module for, at build time", () => {
    expect(() => rewrite('import { NotAModule } from "effect";', "bad.ts", effectDist)).toThrow(/no module effect\/NotAModule/);
  });

  it.runIf(existsSync(join(packageDir, "dist", "index.js")))("leaves no root `effect` import in the built bundles", () => {
    for (const file of ["index.js", "index.cjs"]) {
      const text = readFileSync(join(packageDir, "dist", file), "utf8");
      expect(text).not.toMatch(/from "effect"|require\("effect"\)/);
      expect(text).toMatch(/from "effect\/Effect"|require\("effect\/Effect"\)/);
    }
  });
});
