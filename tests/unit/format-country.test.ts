import { describe, expect, it } from "vitest";
import { formatCountry } from "@/lib/format";

describe("formatCountry", () => {
  it("names a country from its ISO code", () => {
    expect(formatCountry("US")).toBe("United States");
    expect(formatCountry("NL")).toBe("Netherlands");
  });
  it("shows a dash where no country is recorded and the code where it is not a known region", () => {
    expect(formatCountry(null)).toBe("—");
    expect(formatCountry("not-a-code")).toBe("not-a-code");
  });
});
