import { describe, expect, it } from "vitest";
import { buildEnv } from "@/lib/cli/start";

describe("npm start's build", () => {
  it("builds without the heap bound an operator set for the server, keeping the rest of NODE_OPTIONS", () => {
    expect(buildEnv({ PORT: "3000", NODE_OPTIONS: "--max-old-space-size=288" })).toEqual({ PORT: "3000" });
    expect(buildEnv({ NODE_OPTIONS: "--enable-source-maps --max-old-space-size 512 --trace-warnings" })).toEqual({
      NODE_OPTIONS: "--enable-source-maps  --trace-warnings",
    });
    expect(buildEnv({ NODE_OPTIONS: "--enable-source-maps" })).toEqual({ NODE_OPTIONS: "--enable-source-maps" });
    expect(buildEnv({ PORT: "3000" })).toEqual({ PORT: "3000" });
  });
});
