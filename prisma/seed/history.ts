// Lifecycle steps the seed adds to deals beyond their first report. The two "HISTORICAL STAGE (superseded)" rows of
// the research data are earlier stages of Amazon's 2026 investment in OpenAI, so they are events of that deal, not deals.
//
// The importer writes each deal's first event at its date with the row's current state. Where the research documents
// the steps with sources (the talks, the announcement and the close of OpenAI's 2026 round; Nvidia's letter of
// intent), `firstReport` corrects that first event to what was reported on its day and `events` add the other steps,
// so that views "as of" a date show what was known then: the status, the amounts and the terms (round name,
// valuation, summary) of that date, nothing reported later. Other deals keep one event: as of any date after their
// first report they show their current state.
import type { AmountQualifier, DealStatus } from "../../lib/domain";

/**
 * The terms a step reported besides its status and amounts. These stories are all in US dollars with no reported
 * stake, so the original amount is the USD one (the low figure, else the high) and the stake stays empty.
 */
export type SeedTerms = { round: string | null; postMoneyValuationUsd: bigint | null; summary: string };

export type SeedEvent = {
  occurredOn: string;
  status: DealStatus;
  amountUsdLow: bigint | null;
  amountUsdHigh: bigint | null;
  amountQualifier: AmountQualifier;
  /** What was reported then; omitted only on a story's last step, which is the deal as the seed row states it. */
  terms?: SeedTerms;
  note: string;
  source: { url: string; publisher: string; publishedOn: string };
};

export type SeedHistory = {
  deal: { recipient: string; investor: string; round: string };
  /** What was reported on the deal's own date, where it differs from the row (which holds the latest state). */
  firstReport?: { status: DealStatus; terms: SeedTerms; note: string };
  events: SeedEvent[];
};

// The round as announced on 27 February 2026: $110B at $730B pre-money, $840B post-money (AFP; Amazon's 8-K).
const ANNOUNCED_POST_MONEY = 840_000_000_000n;

// The 2026 round's announcement (AFP) and its final close at $122B on 31 March 2026 (OpenAI, CNBC, Bloomberg).
const ROUND_ANNOUNCED = {
  url: "https://fashionunited.uk/news/business/openai-raises-110-billion-dollars-in-record-funding-round/2026022786554",
  publisher: "FashionUnited (AFP)",
  publishedOn: "2026-02-27",
};
const ROUND_CLOSED = {
  url: "https://news.promtvault.app/editions/2026/05/06/stories/08-openai-122b-round-852b-valuation.html",
  publisher: "PromptVault News (citing OpenAI/CNBC/Bloomberg)",
  publishedOn: "2026-05-06",
};

export const seedHistory: SeedHistory[] = [
  {
    deal: { recipient: "openai", investor: "amazon", round: "2026 mega-round - Amazon initial tranche (Series C Preferred)" },
    firstReport: {
      status: "announced",
      terms: {
        round: "2026 mega-round - Amazon initial tranche (Series C Preferred)",
        postMoneyValuationUsd: ANNOUNCED_POST_MONEY,
        summary:
          "Per Amazon's Feb 27, 2026 8-K: $50B total commitment; $15B closing by March 31, 2026 for OpenAI Series C Preferred; $35B under a letter agreement, subject to milestones or an IPO. The round was announced at $110B ($730B pre / $840B post). Also: AWS exclusive third-party distributor of OpenAI Frontier; customized OpenAI models for Amazon.",
      },
      note: "Amazon's 8-K: a $50B commitment, of which $15B closes by 31 March 2026 for Series C Preferred; $35B under a letter agreement on conditions.",
    },
    events: [
      {
        occurredOn: "2025-12-17",
        status: "in_talks",
        amountUsdLow: 10_000_000_000n,
        amountUsdHigh: 10_000_000_000n,
        amountQualifier: "about",
        terms: {
          round: null,
          postMoneyValuationUsd: 500_000_000_000n,
          summary:
            "Early talks reported for Amazon to invest about $10B in OpenAI at a valuation above $500B, with OpenAI adopting Amazon's Trainium chips.",
        },
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
        terms: {
          round: null,
          postMoneyValuationUsd: 830_000_000_000n,
          summary:
            "Reuters, the WSJ and Bloomberg report Amazon in talks, led by Andy Jassy and Sam Altman, to invest as much as $50B in OpenAI: about half of a funding round of up to $100B at a valuation of about $830B.",
        },
        note: "Reuters/WSJ/Bloomberg: Amazon in talks (led by Jassy and Altman) to invest as much as $50B, about half of a round of up to $100B at ~$830B.",
        source: {
          url: "https://www.outlookbusiness.com/corporate/amazon-seeks-access-to-openais-advance-models-in-50-bn-funding-deal",
          publisher: "Outlook Business",
          publishedOn: "2026-01-30",
        },
      },
      {
        occurredOn: "2026-03-31",
        status: "closed",
        amountUsdLow: 15_000_000_000n,
        amountUsdHigh: 15_000_000_000n,
        amountQualifier: "exact",
        note: "The round closed at $122B committed, $852B post-money; Amazon's $15B closed, its $35B stays conditional.",
        source: ROUND_CLOSED,
      },
    ],
  },
  {
    deal: { recipient: "openai", investor: "nvidia", round: "2026 mega-round - Nvidia" },
    firstReport: {
      status: "announced",
      terms: {
        round: "2026 mega-round - Nvidia",
        postMoneyValuationUsd: ANNOUNCED_POST_MONEY,
        summary:
          "$30B equity commitment replacing the unfinished $100B LOI; reportedly paid in three installments over the year (The Information). The round was announced at $110B ($840B post-money).",
      },
      note: "Announced within OpenAI's $110B round: Nvidia $30B, replacing the unfinished $100B letter of intent.",
    },
    events: [
      {
        occurredOn: "2026-03-31",
        status: "closed",
        amountUsdLow: 30_000_000_000n,
        amountUsdHigh: 30_000_000_000n,
        amountQualifier: "exact",
        note: "The round closed at $122B committed, $852B post-money.",
        source: ROUND_CLOSED,
      },
    ],
  },
  {
    deal: { recipient: "openai", investor: "softbank", round: "2026 mega-round - SoftBank (co-lead)" },
    firstReport: {
      status: "announced",
      terms: {
        round: "2026 mega-round - SoftBank (co-lead)",
        postMoneyValuationUsd: ANNOUNCED_POST_MONEY,
        summary: "SoftBank $30B, reportedly paid in three installments over the year. The round was announced at $110B ($840B post-money).",
      },
      note: "Announced within OpenAI's $110B round: SoftBank $30B.",
    },
    events: [
      {
        occurredOn: "2026-03-31",
        status: "closed",
        amountUsdLow: 30_000_000_000n,
        amountUsdHigh: 30_000_000_000n,
        amountQualifier: "exact",
        note: "SoftBank co-led the final close at $122B committed, $852B post-money.",
        source: ROUND_CLOSED,
      },
    ],
  },
  {
    deal: { recipient: "openai", investor: "nvidia", round: "Letter of intent: up to $100B progressive investment for 10GW" },
    firstReport: {
      status: "announced",
      terms: {
        round: "Letter of intent: up to $100B progressive investment for 10GW",
        postMoneyValuationUsd: null,
        summary:
          "Non-binding LOI: Nvidia to invest up to $100B progressively as each GW of at least 10GW of Nvidia systems is deployed (first GW on Vera Rubin in 2H 2026; ~$10B first tranche).",
      },
      note: "Non-binding letter of intent: up to $100B, invested progressively per gigawatt deployed.",
    },
    events: [
      {
        // The research dates the replacement only to February 2026 (FT); this is the day the $30B stake that replaced
        // the letter was announced, the latest date it can have happened. The WSJ had reported the plan "on ice" on 30 January.
        occurredOn: "2026-02-27",
        status: "terminated",
        amountUsdLow: null,
        amountUsdHigh: 100_000_000_000n,
        amountQualifier: "up_to",
        note: "No definitive agreement was signed; the letter was replaced by Nvidia's $30B equity investment in OpenAI's 2026 round.",
        source: ROUND_ANNOUNCED,
      },
    ],
  },
];
