// Lifecycle steps the seed adds to deals beyond their first report. The two "HISTORICAL STAGE (superseded)" rows of
// the research data are earlier stages of Amazon's 2026 investment in OpenAI, so they are events of that deal, not deals.
import type { AmountQualifier, DealStatus } from "../../lib/domain";

export type SeedEvent = {
  occurredOn: string;
  status: DealStatus;
  amountUsdLow: bigint | null;
  amountUsdHigh: bigint | null;
  amountQualifier: AmountQualifier;
  note: string;
  source: { url: string; publisher: string; publishedOn: string };
};

export type SeedHistory = { deal: { recipient: string; investor: string; round: string }; events: SeedEvent[] };

export const seedHistory: SeedHistory[] = [
  {
    deal: { recipient: "openai", investor: "amazon", round: "2026 mega-round - Amazon initial tranche (Series C Preferred)" },
    events: [
      {
        occurredOn: "2025-12-17",
        status: "in_talks",
        amountUsdLow: 10_000_000_000n,
        amountUsdHigh: 10_000_000_000n,
        amountQualifier: "about",
        note: "Early talks for Amazon to invest ~$10B at a valuation above $500B, with OpenAI adopting Trainium chips.",
        source: {
          url: "https://staging.pano.news/news/technology/2025/12/17/amazon-eyes-10-billion-openai-investment-amidst-ipo-preparations-and-ai-chip-deal",
          publisher: "Pano News",
          publishedOn: "2025-12-17",
        },
      },
      {
        occurredOn: "2026-01-29",
        status: "in_talks",
        amountUsdLow: null,
        amountUsdHigh: 50_000_000_000n,
        amountQualifier: "up_to",
        note: "Reuters/WSJ/Bloomberg: Amazon in talks (led by Jassy and Altman) to invest as much as $50B, about half of a round of up to $100B at ~$830B.",
        source: {
          url: "https://www.outlookbusiness.com/corporate/amazon-seeks-access-to-openais-advance-models-in-50-bn-funding-deal",
          publisher: "Outlook Business",
          publishedOn: "2026-01-30",
        },
      },
    ],
  },
];
