// The seed's rounds: the financings whose parts or tranches are separate rows of deals.csv, with the round as
// reported (its total, with the qualifier of that figure, and its post-money valuation). Rows are named by recipient
// and round name exactly as deals.csv writes them, since the rows of one round carry different names ("$40B round -
// SoftBank first closing", "... - third-party co-investors"); the seed adds their `round_key` before importing them.
// Every other row is a round of its own. docs/data-curation.md says where these figures come from.
import type { AmountQualifier } from "../../lib/domain";

export type SeedRound = {
  /** The recipient as deals.csv names it. */
  recipient: string;
  key: string;
  name: string;
  announcedOn: string;
  amountUsdLow: bigint | null;
  amountUsdHigh: bigint | null;
  amountQualifier: AmountQualifier;
  postMoneyValuationUsd: bigint | null;
  /** The `round` column of each of its rows. */
  rows: string[];
};

const B = 1_000_000_000n;

export const seedRounds: SeedRound[] = [
  {
    recipient: "OpenAI",
    key: "2025-40b-round",
    name: "$40B round led by SoftBank",
    announcedOn: "2025-03-31",
    amountUsdLow: 40n * B,
    amountUsdHigh: 40n * B,
    amountQualifier: "exact",
    postMoneyValuationUsd: 300n * B,
    rows: ["$40B round - SoftBank first closing", "$40B round - third-party co-investors", "$40B round - SoftBank second closing"],
  },
  {
    recipient: "OpenAI",
    key: "2026-mega-round",
    name: "2026 mega-round",
    announcedOn: "2026-02-27",
    // Upsized from $110B to a final close of $122B.
    amountUsdLow: 122n * B,
    amountUsdHigh: 122n * B,
    amountQualifier: "exact",
    postMoneyValuationUsd: 852n * B,
    rows: [
      "2026 mega-round - Amazon initial tranche (Series C Preferred)",
      "2026 mega-round - Amazon conditional tranche",
      "2026 mega-round - Nvidia",
      "2026 mega-round - SoftBank (co-lead)",
      "2026 mega-round - Microsoft participation",
      "2026 mega-round - other investors (upsizing from $110B to $122B)",
    ],
  },
  {
    recipient: "Anthropic",
    key: "2025-11-microsoft-nvidia",
    name: "Microsoft and Nvidia strategic investment",
    announcedOn: "2025-11-18",
    amountUsdLow: null,
    amountUsdHigh: 15n * B,
    amountQualifier: "up_to",
    postMoneyValuationUsd: 350n * B,
    rows: ["Strategic investment (up to $10B)", "Strategic investment (up to $5B)"],
  },
  {
    recipient: "Anthropic",
    key: "2026-amazon",
    name: "Amazon 2026 investment",
    announcedOn: "2026-04-20",
    amountUsdLow: null,
    amountUsdHigh: 25n * B,
    amountQualifier: "up_to",
    postMoneyValuationUsd: 380n * B,
    rows: ["Amazon 2026 investment - immediate tranche", "Amazon 2026 investment - milestone tranche"],
  },
  {
    recipient: "Anthropic",
    key: "2026-google",
    name: "Google 2026 investment",
    announcedOn: "2026-04-24",
    amountUsdLow: null,
    amountUsdHigh: 40n * B,
    amountQualifier: "up_to",
    postMoneyValuationUsd: 350n * B,
    rows: ["Google 2026 investment - initial tranche", "Google 2026 investment - contingent tranche"],
  },
];
