// A small hand-made market shared by the organization measure tests. Every expected figure in those tests was worked
// out by hand from this list (see the comments): equal splits, odd dollars to the first listed investor.
import { UNDISCLOSED_KEY } from "@/lib/measures/capital";
import { investor, measureDeal } from "./measure-deal";

const A = investor("a", "Amazon");
const B = investor("b", "Bravo");
const C = investor("c", "Cedar");
const X = { key: "x", name: "Xylo" };
const Y = { key: "y", name: "Yarrow" };
const Z = { key: "z", name: "Zinc" };

export const scenario = [
  // 1. A alone, 100 -> A 100.
  measureDeal({ announcedOn: "2024-02-10", recipient: X, amountUsdLow: 100n, amountUsdHigh: 100n, investors: [A] }),
  // 2. 101 split between B and A: B 51 (the odd dollar, listed first), A 50.
  measureDeal({
    announcedOn: "2024-05-01",
    kind: "convertible",
    status: "announced",
    recipient: X,
    amountUsdLow: 101n,
    amountUsdHigh: 101n,
    investors: [B, A],
  }),
  // 3. "Up to" 30 with no low figure, three ways: 10 each.
  measureDeal({ announcedOn: "2024-08-01", recipient: Y, amountUsdHigh: 30n, amountQualifier: "up_to", investors: [A, C, B] }),
  // 4. In talks: pipeline, not counted.
  measureDeal({ announcedOn: "2025-03-01", status: "in_talks", recipient: Y, amountUsdLow: 1000n, amountUsdHigh: 1000n, investors: [A] }),
  // 5. A compute commitment: not capital. The unnamed party is no co-investor.
  measureDeal({
    announcedOn: "2025-04-01",
    kind: "compute_commitment",
    status: "announced",
    recipient: Z,
    amountUsdLow: 500n,
    amountUsdHigh: 500n,
    investors: [A, investor(UNDISCLOSED_KEY, "Undisclosed lenders")],
  }),
  // 6. Counted, amount undisclosed: 0 each.
  measureDeal({ announcedOn: "2026-01-15", recipient: Y, amountQualifier: "undisclosed", investors: [A, C] }),
  // 7. C alone, 60.
  measureDeal({ announcedOn: "2026-02-01", recipient: Y, amountUsdLow: 60n, amountUsdHigh: 60n, investors: [C] }),
  // 8. Terminated: never counted.
  measureDeal({ announcedOn: "2024-03-01", status: "terminated", recipient: X, amountUsdLow: 70n, amountUsdHigh: 70n, investors: [A, B] }),
];
