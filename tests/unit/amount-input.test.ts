import { describe, expect, it } from "vitest";
import { formatAmountInput, parseAmount } from "@/lib/filters/amount-input";
import { parseDealFilters, writeAmountsAsDollars } from "@/lib/filters/deal-filters";

describe("parseAmount", () => {
  it.each([
    ["10B", 10_000_000_000n],
    ["$1.5bn", 1_500_000_000n],
    ["250m", 250_000_000n],
    ["500M", 500_000_000n],
    ["750k", 750_000n],
    ["1,000,000", 1_000_000n],
    ["2.5 billion", 2_500_000_000n],
    ["1.1B", 1_100_000_000n],
    ["0.3b", 300_000_000n],
    ["$ 40 million", 40_000_000n],
    ["US$6.6bn", 6_600_000_000n],
    ["1.2 trillion", 1_200_000_000_000n],
    ["30b usd", 30_000_000_000n],
    ["1000000000", 1_000_000_000n],
    ["  7MM ", 7_000_000n],
    ["1.123456789B", 1_123_456_789n],
  ])("reads %s as %s exactly", (input, expected) => {
    expect(parseAmount(input)).toBe(expected);
  });

  it.each(["", "B", "ten billion", "1,00", "1.5", "1.0000000005k", "-5m", "10 gigadollars", "1e9", "$", "1..5b", "12,34,567"])(
    "refuses %j",
    (input) => {
      expect(parseAmount(input)).toBeNull();
    },
  );
});

describe("the deal filters' amounts", () => {
  it("take amounts as people write them, commas included, and write them back as whole dollars", () => {
    const { filters, issues } = parseDealFilters(new URLSearchParams("min=1%2C000%2C000&max=%241.5bn"));
    expect(issues).toEqual([]);
    expect(filters.min).toBe(1_000_000n);
    expect(filters.max).toBe(1_500_000_000n);
  });

  it("name the field of an amount they cannot read and keep no bound from it", () => {
    const { filters, issues } = parseDealFilters(new URLSearchParams("min=lots&max=10B"));
    expect(filters.min).toBeNull();
    expect(filters.max).toBe(10_000_000_000n);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ param: "min", value: "lots" });
    expect(issues[0].message).toMatch(/^min must be an amount in US dollars such as 10B/);
  });

  it("still refuse a max below the min, compared as exact amounts", () => {
    const { filters, issues } = parseDealFilters(new URLSearchParams("min=2b&max=1,999,999,999"));
    expect(filters.min).toBe(2_000_000_000n);
    expect(filters.max).toBeNull();
    expect(issues.map((i) => i.param)).toEqual(["max"]);
  });

  it("are written back into the address as whole dollars, and an address already so is left alone", () => {
    const params = new URLSearchParams("min=10B&max=%2425%2C000%2C000%2C000&q=x");
    expect(writeAmountsAsDollars(params, parseDealFilters(params).filters)).toBe(true);
    expect(params.toString()).toBe("min=10000000000&max=25000000000&q=x");
    expect(writeAmountsAsDollars(params, parseDealFilters(params).filters)).toBe(false);
  });

  it("refuse an amount above the cap", () => {
    const { issues } = parseDealFilters(new URLSearchParams("max=2000T"));
    expect(issues.map((i) => i.param)).toEqual(["max"]);
  });
});

describe("formatAmountInput", () => {
  it("shows an amount back compactly when that reads back exactly, else in full", () => {
    expect(formatAmountInput(10_000_000_000n)).toBe("$10B");
    expect(formatAmountInput(1_500_000_000n)).toBe("$1.5B");
    expect(formatAmountInput(1_234_567n)).toBe("1,234,567");
    for (const dollars of [10_000_000_000n, 1_500_000_000n, 1_234_567n, 999n, 0n])
      expect(parseAmount(formatAmountInput(dollars))).toBe(dollars);
  });
});
