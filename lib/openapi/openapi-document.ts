// The OpenAPI 3.1 description of the JSON and CSV API, served at /api/openapi.json. Every query parameter that a
// route reads through a shape of lib/filters is derived from that shape (lib/openapi/query-parameters.ts: its type,
// enumeration, pattern and bounds); the prose, the paths and the answers are written here.
import { AMOUNT_QUALIFIERS, DEAL_KINDS, DEAL_STATUSES, ORGANIZATION_TYPES, PARTICIPATION_ROLES } from "../domain";
import { DEAL_CSV_ALL_COLUMNS } from "../csv/deal-csv-format";
import { analysisParamShape, DEFAULT_FLOW_LIMIT, DEFAULT_NETWORK_SIZE, flowLimitShape, networkSizeShape } from "../filters/analysis-view";
import { capitalViewShape } from "../filters/capital-view";
import { changeShape } from "../filters/change-filters";
import { DEAL_FILTER_PARAMS, DEFAULT_PAGE_SIZE, dealFilterSchema, MAX_DEAL_IDS } from "../filters/deal-filters";
import { dealPageViewShape } from "../filters/deal-page-view";
import { organizationFilterShape } from "../filters/organization-filters";
import { DATE_WINDOW_PARAMS } from "../filters/date-window";
import { grainParam, SLUG_PATTERN } from "../filters/params";
import { LISTED_DUPLICATES } from "../import/find-duplicates";
import { DEFAULT_SEARCH_LIMIT, searchShape } from "../filters/search-query";
import { queryParameter, queryParameters } from "./query-parameters";

const DEAL_FILTER_PARAMETERS = queryParameters(dealFilterSchema.shape, {
  investor: {
    description:
      "Organization slug of an investor (e.g. amazon). Repeat it, or separate slugs with commas, for deals of any of them. AWS is its own organization (aws), not amazon.",
  },
  recipient: { description: "Organization slug of the recipient (e.g. openai)." },
  kind: { description: "Deal kinds; repeatable." },
  status: { description: "Current statuses; repeatable." },
  from: { description: "Announced on or after this date." },
  to: { description: "Announced on or before this date; not before `from`." },
  min: {
    description:
      "Counted amount (the low figure, or the 'up to' one where no low is known) at least this many US dollars. Written as digits (`1000000`, `1,000,000`) or as people write amounts (`10B`, `$1.5bn`, `250m`, `750k`, `2.5 billion`); it must come to whole dollars, at most 10^15. Undisclosed amounts never match an amount bound.",
    examples: ["1000000000", "10B", "$1.5bn"],
  },
  max: {
    description: "Counted amount at most this many US dollars, written as for `min`; not below `min`.",
    examples: ["25000000000", "25B"],
  },
  q: { description: "Free text, case-insensitive, in the recipient's and investors' names and aliases, the round and the summary." },
  ids: {
    description: `Only the deals with these ids (e.g. \`ids=12,40,41\`, the legs of a circular flow); repeat it or separate ids with commas, at most ${MAX_DEAL_IDS}. A longer list is refused (400) rather than cut.`,
  },
  sort: { default: "date_desc" },
  page: { description: "1-based; a page past the end is empty.", default: 1 },
  pageSize: { default: DEFAULT_PAGE_SIZE },
  asOf: {
    description:
      "Show the deals as reported on this date, rebuilt from their lifecycle events: deals first reported later are left out, and status, amounts and the filters on them are those of that date.",
  },
});
const DEAL_PAGE_VIEW_PARAMETERS = queryParameters(dealPageViewShape, {
  view: { description: "Presentation of the /deals page; accepted and ignored here." },
  group: { description: "Timeline grouping of the /deals page; accepted and ignored here." },
});

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const param = (name: string) => ({ $ref: `#/components/parameters/${name}` });
const usd = (description: string) => ({
  type: ["integer", "null"],
  minimum: 0,
  description: `${description} Whole US dollars; null when not known.`,
});
const jsonContent = (schema: object) => ({ "application/json": { schema } });

// The /deals filters every list, export, feed and view takes (all but the page and order).
const FILTER_PARAMETERS = DEAL_FILTER_PARAMS.filter((name) => !["sort", "page", "pageSize"].includes(name)).map(param);
const LIST_PARAMETERS = [...FILTER_PARAMETERS, param("sort"), param("page"), param("pageSize")];

const slugParameter = { name: "slug", in: "path", required: true, schema: { type: "string", pattern: SLUG_PATTERN.source } };
const formatParameter = {
  name: "format",
  in: "query",
  description: "csv for the same data as CSV.",
  schema: { type: "string", enum: ["csv"] },
};

// The organization routes' span of dates and date of view: the same parameters as the deal filters' from, to and asOf.
const DATE_WINDOW_PARAMETERS = DATE_WINDOW_PARAMS.map(param);
const badDates = {
  description: "from, to or asOf is not a date written YYYY-MM-DD, or to is before from. Each one is named.",
  content: jsonContent(ref("InvalidParameters")),
};

const statsContent = { ...jsonContent({ type: "object" }), "text/csv": { schema: { type: "string" } } };
// The /analysis view: the /deals filters plus what is measured and how.
const ANALYSIS_PARAMETERS = [
  ...FILTER_PARAMETERS,
  ...Object.values(
    queryParameters(analysisParamShape, {
      grain: { description: "Period grain (default year)." },
      side: { description: "Measure recipients or investors (default recipient)." },
      count: { description: "What is counted: capital (equity and convertible, the default), all kinds, or one kind." },
      pipeline: { description: "1 adds rumored and in-talks deals; 0 (the default) leaves them out." },
      exclude: { description: "Organization slug to leave out with its divisions; repeatable." },
    }),
  ),
  formatParameter,
];

const badParameters = {
  description: "A parameter is malformed or unknown. Each one is named; nothing is listed.",
  content: jsonContent(ref("InvalidParameters")),
};

export const openApiDocument = {
  openapi: "3.1.0",
  info: {
    title: "AI Deal Tracker API",
    version: "1.0.0",
    description:
      "Investment deals in AI companies with their sources. Amounts are whole US dollars as JSON numbers (exact: all are far below 2^53). " +
      "The deal filters are the ones /deals takes, so any /deals URL works on /api/deals, /api/deals/export.csv and /api/stats/summary. " +
      "Every route is rate limited per client (and writes per token and per user, across every app process): over the limit it answers 429 with Retry-After; " +
      "when the limit cannot be counted (the database does not answer) it answers 503 with Retry-After rather than serve uncounted.",
    license: { name: "MIT", identifier: "MIT" },
  },
  paths: {
    "/api/deals": {
      get: {
        operationId: "listDeals",
        summary: "One page of the deals that match the filters",
        parameters: [...LIST_PARAMETERS, param("view"), param("group")],
        responses: {
          "200": { description: "The page of deals and the total that match.", content: jsonContent(ref("DealPage")) },
          "400": badParameters,
        },
      },
    },
    "/api/deals/{id}": {
      get: {
        operationId: "getDeal",
        summary: "One deal with its investors, sources and lifecycle events",
        parameters: [{ name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } }, param("asOf")],
        responses: {
          "200": { description: "The deal.", content: jsonContent(ref("DealDetail")) },
          "400": badParameters,
          "404": {
            description: "No live deal has this id, or it had not been reported by `asOf`.",
            content: jsonContent(ref("NotFound")),
          },
        },
      },
      patch: {
        operationId: "editDeal",
        summary: "Edit one deal: the fields sent replace the stored ones, if nobody saved it since `version`",
        description:
          "Needs an editor's API token (`Authorization: Bearer <token>`). The body is a JSON object of CSV columns (`summary`, `status`, `amount_usd_low`...; strings, numbers or null) and `version`, the version edited (or an `If-Match` header). Validated like the editor's form: a change of status or amount also needs `change_date` and `source_url` (and may take `change_note`). Any change of a reported field (status, amounts, round, valuation, stake, summary, original amount) records a lifecycle event, dated `change_date` when given (else the source's date, else today). Every edit leaves a revision.",
        security: [{ bearer: [] }],
        parameters: [
          { name: "id", in: "path", required: true, schema: { type: "integer", minimum: 1 } },
          {
            name: "If-Match",
            in: "header",
            description: "The version edited, when the body has no `version`.",
            schema: { type: "string" },
          },
        ],
        requestBody: {
          required: true,
          content: jsonContent({
            type: "object",
            properties: { version: { type: "integer", minimum: 1 } },
            additionalProperties: { type: ["string", "number", "null"] },
          }),
        },
        responses: {
          "200": {
            description: "`{ id, version }`: the edit landed; `version` is the new one (also the ETag).",
            content: jsonContent({ type: "object", properties: { id: { type: "integer" }, version: { type: "integer" } } }),
          },
          "400": {
            description: "`{ error, fields: { <field>: [message] } }` naming each bad field; nothing was written.",
            content: jsonContent({ type: "object" }),
          },
          "401": { description: "No valid token or session." },
          "403": { description: "The user may not edit, or a foreign Origin." },
          "404": { description: "No live deal has this id.", content: jsonContent(ref("NotFound")) },
          "409": {
            description: '`{ error: "conflict", message, currentVersion }`: someone saved the deal since `version`; nothing was written.',
            content: jsonContent({ type: "object" }),
          },
          "429": { description: "Too many writes from this client or with this token; see Retry-After." },
        },
      },
    },
    "/api/deals/export.csv": {
      get: {
        operationId: "exportDeals",
        summary: "Every deal that matches the filters, in the CSV interchange format (the import format)",
        description:
          `Header, in this order: ${DEAL_CSV_ALL_COLUMNS.join(",")}. All matching deals, not one page, in the order of \`sort\`. ` +
          "Cells a spreadsheet would run as a formula are prefixed with a single quote. The file name says what was filtered, e.g. deals-investor-amazon-kind-equity.csv.",
        parameters: [...FILTER_PARAMETERS, param("sort")],
        responses: {
          "200": { description: "The CSV file.", content: { "text/csv": { schema: { type: "string" } } } },
          "400": badParameters,
        },
      },
    },
    "/api/stats/summary": {
      get: {
        operationId: "getSummary",
        summary: "Deal count and capital counted over the deals that match the filters",
        description:
          "Capital counted: equity and convertible deals, announced or closed, at their low amount (the 'up to' figure where no lower one is known); undisclosed amounts count as zero.",
        parameters: FILTER_PARAMETERS,
        responses: {
          "200": { description: "The figures.", content: jsonContent(ref("Summary")) },
          "400": badParameters,
        },
      },
    },
    "/api/stats/capital-by-period": {
      get: {
        operationId: "getCapitalByPeriod",
        summary: "Capital counted per quarter or year, split by kind (the overview chart)",
        description: "Malformed values fall back to their defaults.",
        parameters: [
          ...Object.values(
            queryParameters(capitalViewShape, {
              grain: { default: "quarter" },
              include: { description: "commitments adds every other kind as its own series.", default: "capital" },
              asOf: DEAL_FILTER_PARAMETERS.asOf,
            }),
          ),
          { name: "format", in: "query", schema: { type: "string", enum: ["json", "csv"], default: "json" } },
        ],
        responses: {
          "200": {
            description: "The series and one row per period; with format=csv, the columns period, <kind>_usd..., total_usd.",
            content: { ...jsonContent(ref("CapitalByPeriod")), "text/csv": { schema: { type: "string" } } },
          },
        },
      },
    },
    "/changes/feed.xml": {
      get: {
        operationId: "getChangesFeed",
        summary: "Atom feed of new deals and status or amount changes, newest first (the /changes page)",
        description:
          "Takes the /deals filters; status, from, to, min, max and asOf apply to the state after each change. Entry ids are tag: URIs made from the lifecycle event's id, so they stay the same between requests. At most 50 entries unless pageSize is given.",
        parameters: [
          ...FILTER_PARAMETERS,
          param("page"),
          param("pageSize"),
          queryParameters(changeShape, { change: { description: "Kinds of change; repeatable." } }).change,
        ],
        responses: {
          "200": { description: "An Atom 1.0 feed.", content: { "application/atom+xml": { schema: { type: "string" } } } },
          "400": badParameters,
        },
      },
    },
    "/api/search": {
      get: {
        operationId: "search",
        summary: "Organizations by name or alias, forgiving spacing and typos, then deals: what the header's search box suggests",
        parameters: Object.values(
          queryParameters(searchShape, {
            q: {
              description:
                "The text typed. Organizations match by name or alias, whole, by its beginning, a word's beginning or inside, " +
                "then with one typo from 4 letters and two from 8. The deals are the best-matched organization's, newest first; " +
                "with no organization matched, those whose text contains q as the deals' q filter reads it.",
            },
            limit: {
              description: `How many organizations and how many deals at most (default ${DEFAULT_SEARCH_LIMIT}).`,
              default: DEFAULT_SEARCH_LIMIT,
            },
          }),
        ),
        responses: {
          "200": { description: "The organizations best first, then the deals.", content: jsonContent(ref("SearchResults")) },
          "400": badParameters,
        },
      },
    },
    "/api/organizations": {
      get: {
        operationId: "listOrganizations",
        summary: "Organizations (investors and recipients alike), by name",
        parameters: Object.values(
          queryParameters(organizationFilterShape, {
            q: { description: "Text in the name, slug or an alias." },
            type: { description: "Organization type." },
          }),
        ),
        responses: {
          "200": {
            description: "The matching organizations: slug, name, type, country, parent, dealsAsInvestor, dealsAsRecipient.",
            content: jsonContent({
              type: "object",
              required: ["total", "data"],
              properties: { total: { type: "integer" }, data: { type: "array", items: { type: "object" } } },
            }),
          },
          "400": badParameters,
        },
      },
    },
    "/api/organizations/{slug}": {
      get: {
        operationId: "getOrganization",
        summary: "One organization with its aliases, parent, children and figures as investor and as recipient",
        description:
          "Over the deals announced from `from` to `to` (every date when absent), as reported on `asOf`. As an investor, two figures: `capitalAttributedUsd`, its own part of the counted deals it is in (committed amounts where known, the rest split equally among the investors), and `roundsJoinedTotalUsd`, the whole counted amounts of those deals. `capitalAttributedUsd` over a year equals that year's row of capital-by-period.",
        parameters: [slugParameter, ...DATE_WINDOW_PARAMETERS],
        responses: {
          "200": {
            description:
              "`{ slug, name, type, country, website, aliases, parent, children, dealsAsInvestor, dealsAsRecipient, from, to, asOf, figures: { asInvestor: { capitalAttributedUsd, countedDeals, undisclosedDeals, upperBoundUsd, roundsJoinedTotalUsd, roundsJoinedUpperBoundUsd }, asRecipient: { capitalCountedUsd, countedDeals, undisclosedDeals, upperBoundUsd } } }`.",
            content: jsonContent({ type: "object" }),
          },
          "400": badDates,
          "308": {
            description:
              "The organization was merged into another (an editor's merge): Location is the address of the one kept, whose aliases now hold this one's name.",
          },
          "404": {
            description: "No organization has this slug.",
            content: jsonContent({ type: "object", properties: { error: { const: "not found" }, slug: { type: "string" } } }),
          },
        },
      },
    },
    "/api/organizations/{slug}/capital-by-period": {
      get: {
        operationId: "getInvestorCapitalByPeriod",
        summary: "The counted capital attributed to this investor, per year or quarter and kind",
        parameters: [slugParameter, queryParameter("grain", grainParam, { default: "year" }), formatParameter, ...DATE_WINDOW_PARAMETERS],
        responses: {
          "200": {
            description: "`{ slug, grain, series, data: [{ period, totalUsd, byKind }] }`, or CSV.",
            content: { ...jsonContent({ type: "object" }), "text/csv": { schema: { type: "string" } } },
          },
          "400": badDates,
        },
      },
    },
    "/api/organizations/{slug}/funding-rounds": {
      get: {
        operationId: "getFundingRounds",
        summary:
          "This company's counted funding per round, with the post-money valuation where reported, and every valuation mark (rounds, secondary sales, tender offers, recapitalizations)",
        parameters: [slugParameter, formatParameter, ...DATE_WINDOW_PARAMETERS],
        responses: {
          "200": {
            description:
              "`{ slug, data: [{ date, countedUsd, deals, undisclosedDeals, postMoneyValuationUsd }], valuations: [{ date, valuationUsd, name, kind, dealIds, recipient: { slug, name }, sources: [{ url, publisher, publishedOn }] }] }`, or CSV (the rounds). `valuations` holds every valuation reported with a deal the company or one of its divisions received, announced or closed as of `asOf`, with the sources published by then.",
            content: { ...jsonContent({ type: "object" }), "text/csv": { schema: { type: "string" } } },
          },
          "400": badDates,
        },
      },
    },
    "/api/organizations/{slug}/rounds": {
      get: {
        operationId: "getOrganizationRounds",
        summary:
          "This company's equity and convertible rounds, oldest first: a round's parts and tranches together, any other deal a round of its own",
        parameters: [slugParameter, ...DATE_WINDOW_PARAMETERS],
        responses: {
          "400": badDates,
          "200": {
            description:
              "`{ slug, data: [{ key, name, date, total: { lowUsd, highUsd, qualifier } | null, counted, countedUsd, postMoneyValuationUsd, leads: [{ slug, name }], participants: [{ slug, name, role, amountUsd }], deals: [{ id, round, announcedOn, kind, status, amount, countedUsd, investors }] }] }`. `key` is null for a deal that is a round of its own; a participant's `amountUsd` is null where not reported.",
            content: jsonContent({ type: "object" }),
          },
          "404": { description: "No such organization.", content: jsonContent({ type: "object" }) },
        },
      },
    },
    "/api/organizations/{slug}/co-investors": {
      get: {
        operationId: "getCoInvestors",
        summary: "The other named investors of the rounds this investor is in, most rounds first, with the rounds in common",
        parameters: [slugParameter, ...DATE_WINDOW_PARAMETERS],
        responses: {
          "400": badDates,
          "200": {
            description:
              "`{ slug, data: [{ slug, name, rounds: [{ recipient: { slug, name }, key, name, date, dealIds }] }] }`. A round's `key` is null for a deal that is a round of its own.",
            content: jsonContent({ type: "object" }),
          },
          "404": { description: "No such organization.", content: jsonContent({ type: "object" }) },
        },
      },
    },
    "/api/import": {
      post: {
        operationId: "importDeals",
        summary: "Import deals from a CSV in the interchange format: all rows or none",
        description:
          "Needs an editor's API token (`Authorization: Bearer <token>`). Names that match no organization create one. At most 10 MB.",
        security: [{ bearer: [] }],
        parameters: [
          {
            name: "dryRun",
            in: "query",
            description: "1 to check and preview without writing.",
            schema: { type: "string", enum: ["1", "true"] },
          },
          {
            name: "onDuplicate",
            in: "query",
            description:
              "Rows that look like a tracked deal or an earlier row (same recipient, an investor in common or none, announced within 30 days, amounts within 10 % or both undisclosed): `fail` (default: 409, nothing written), `skip` them, or `create` them anyway.",
            schema: { type: "string", enum: ["fail", "skip", "create"], default: "fail" },
          },
          {
            name: "duplicate",
            in: "query",
            description:
              "The choice for one flagged row, over `onDuplicate`: `<row>:skip`, `<row>:create`, or `<row>:update:<deal id>` (the row by its line number) to write the row over that tracked deal (one it was flagged as like); repeatable.",
            schema: { type: "array", items: { type: "string", pattern: "^\\d+:(skip|create|update:\\d+)$" } },
            style: "form",
            explode: true,
          },
          {
            name: "duplicatesFrom",
            in: "query",
            description: `The flagged rows listed start at this one (0-based, by line): an answer lists at most ${LISTED_DUPLICATES} of them, and \`duplicateCount\` counts them all.`,
            schema: { type: "integer", minimum: 0, default: 0 },
          },
        ],
        requestBody: { required: true, content: { "text/csv": { schema: { type: "string" } } } },
        responses: {
          "200": {
            description: `\`{ dryRun, create, update, skip, newOrganizations, duplicates: [{ row, candidates: [{ kind: existing|row, dealId|row, announcedOn, round, reasons }] }], duplicateCount, rows, dealIds }\`; \`duplicates\` holds at most ${LISTED_DUPLICATES} flagged rows, from \`duplicatesFrom\`.`,
            content: jsonContent({ type: "object" }),
          },
          "400": {
            description: "Invalid rows, each with its line and field; nothing was written.",
            content: jsonContent({ type: "object", properties: { errors: { type: "array", items: { type: "object" } } } }),
          },
          "401": { description: "No valid token or session." },
          "403": { description: "The token's user may not import." },
          "409": {
            description:
              "Rows look like deals already tracked or earlier rows (onDuplicate=fail): `{ duplicates, duplicateCount }`, nothing written.",
            content: jsonContent({
              type: "object",
              properties: { duplicates: { type: "array", items: { type: "object" } }, duplicateCount: { type: "integer" } },
            }),
          },
          "413": { description: "The body is larger than 10 MB." },
        },
      },
    },
    "/api/stats/concentration": {
      get: {
        operationId: "getConcentration",
        summary: "Per period: HHI (0-10,000) and the shares (0-1) of the top 1, 3 and 5 recipients or investors",
        parameters: ANALYSIS_PARAMETERS,
        responses: {
          "200": {
            description:
              "`{ grain, side, counting, data: [{ period, totalUsd, hhi, top1Share, top3Share, top5Share, leaders: [{slug, name, amountUsd, share}] }] }`; HHI and shares are null for a period without counted capital. CSV with format=csv.",
            content: statsContent,
          },
          "400": badParameters,
        },
      },
    },
    "/api/stats/flows": {
      get: {
        operationId: "getFlows",
        summary: "Capital from investors to recipients: Sankey nodes and links",
        parameters: [
          ...ANALYSIS_PARAMETERS,
          queryParameters(flowLimitShape, {
            limit: { description: `How many of the largest flows (default ${DEFAULT_FLOW_LIMIT}).`, default: DEFAULT_FLOW_LIMIT },
          }).limit,
        ],
        responses: {
          "200": {
            description:
              "`{ counting, limit, nodes: [{id, slug, name, side}], links: [{source, target, valueUsd, dealIds}], omitted: {flows, amountUsd}, undisclosedDeals }`. CSV with format=csv.",
            content: statsContent,
          },
          "400": badParameters,
        },
      },
    },
    "/api/stats/circular-flows": {
      get: {
        operationId: "getCircularFlows",
        summary: "Loops where capital invested comes back to the investor (or a division of it) as a compute, cloud or chip commitment",
        parameters: ANALYSIS_PARAMETERS,
        responses: {
          "200": {
            description:
              "`{ counting, loops: [{ investor, company, moneyInUsd, moneyBackUsd, backToIn, dealsHref, moneyIn: [leg], moneyBack: [leg] }] }`, a leg being `{ dealId, href, kind, status, announcedOn, from, to, amountUsd, amountBasis, dealAmountUsd }`: `dealAmountUsd` is the deal's total and `amountUsd` the payer's attributed part of it (committed amounts where known, the rest split equally), so `moneyInUsd` is the sum of the capital legs' `amountUsd` and `moneyBackUsd` that of the spending legs'. `backToIn` is moneyBackUsd / moneyInUsd (null when a side has no disclosed amount); `dealsHref` is the /deals address listing exactly the loop's deals (`ids=`), null past 500 deals. CSV with format=csv.",
            content: statsContent,
          },
          "400": badParameters,
        },
      },
    },
    "/api/stats/network": {
      get: {
        operationId: "getNetwork",
        summary: "Who funds whom: the largest organizations by counted capital, the capital between them, and the circular flows marked",
        parameters: [
          ...ANALYSIS_PARAMETERS,
          queryParameters(networkSizeShape, {
            nodes: {
              description: `How many of the organizations with the most counted capital (default ${DEFAULT_NETWORK_SIZE}); both ends of every circular flow shown are added.`,
              default: DEFAULT_NETWORK_SIZE,
            },
          }).nodes,
        ],
        responses: {
          "200": {
            description:
              "`{ counting, nodes, organizations: [{slug, name, investedUsd, receivedUsd, inCircularFlow, drawnForCircularFlow}], edges: [{source, target, kind: capital|spending_back, circularFlow, amountUsd, via, dealIds}], circularFlows, omitted: {organizations, flows, amountUsd} }`. CSV with format=csv, one row per edge.",
            content: statsContent,
          },
          "400": badParameters,
        },
      },
    },
    "/api/stats/capital-by-kind": {
      get: {
        operationId: "getCapitalByKind",
        summary: "Counted amounts per period, by kind",
        parameters: ANALYSIS_PARAMETERS,
        responses: {
          "200": {
            description: "`{ grain, counting, series, data: [{ period, totalUsd, byKind }] }`. CSV with format=csv.",
            content: statsContent,
          },
          "400": badParameters,
        },
      },
    },
    "/api/health": {
      get: {
        operationId: "getHealth",
        summary: "Whether the database answers",
        responses: {
          "200": {
            description: "The database answers.",
            content: jsonContent({
              type: "object",
              required: ["status", "deals"],
              properties: { status: { const: "ok" }, deals: { type: "integer" } },
            }),
          },
          "503": {
            description: "The database does not answer.",
            content: jsonContent({ type: "object", properties: { status: { const: "unavailable" } } }),
          },
        },
      },
    },
    "/api/openapi.json": {
      get: {
        operationId: "getOpenApiDocument",
        summary: "This document",
        responses: { "200": { description: "The OpenAPI 3.1 document.", content: jsonContent({ type: "object" }) } },
      },
    },
  },
  components: {
    securitySchemes: {
      bearer: { type: "http", scheme: "bearer", description: "An API token from /admin/tokens or npm run token:create." },
    },
    parameters: { ...DEAL_FILTER_PARAMETERS, ...DEAL_PAGE_VIEW_PARAMETERS },
    schemas: {
      SearchResults: {
        type: "object",
        required: ["q", "organizations", "deals"],
        properties: {
          q: { type: "string" },
          organizations: {
            type: "array",
            items: {
              type: "object",
              required: ["slug", "name", "type", "matched", "href"],
              properties: {
                slug: { type: "string" },
                name: { type: "string" },
                type: { type: "string", enum: [...ORGANIZATION_TYPES] },
                matched: { type: "string", description: "The name or alias that matched." },
                href: { type: "string", description: "Its page: the company page if it received deals, else the investor page." },
              },
            },
          },
          deals: {
            type: "array",
            items: {
              type: "object",
              required: ["id", "title", "announcedOn", "kind", "status", "amountUsdLow", "amountUsdHigh", "amountQualifier", "recipient"],
              properties: {
                id: { type: "integer" },
                title: { type: "string", description: "The recipient and the round, or the kind without a round." },
                announcedOn: { type: "string", format: "date" },
                kind: { type: "string", enum: [...DEAL_KINDS] },
                status: { type: "string", enum: [...DEAL_STATUSES] },
                amountUsdLow: usd("The low (or only) amount."),
                amountUsdHigh: usd("The high amount of a range or an up-to figure."),
                amountQualifier: { type: "string", enum: [...AMOUNT_QUALIFIERS] },
                recipient: {
                  type: "object",
                  required: ["slug", "name"],
                  properties: { slug: { type: "string" }, name: { type: "string" } },
                },
              },
            },
          },
        },
      },
      Organization: { type: "object", required: ["slug", "name"], properties: { slug: { type: "string" }, name: { type: "string" } } },
      Investor: {
        type: "object",
        required: ["slug", "name", "role"],
        properties: {
          slug: { type: ["string", "null"], description: "null for a party reported without a name (e.g. 'Undisclosed buyers')." },
          name: { type: "string" },
          role: { type: "string", enum: [...PARTICIPATION_ROLES] },
        },
      },
      Deal: {
        type: "object",
        required: [
          "id",
          "announcedOn",
          "kind",
          "status",
          "round",
          "amountUsdLow",
          "amountUsdHigh",
          "amountQualifier",
          "postMoneyValuationUsd",
          "recipient",
          "investors",
          "sourceCount",
        ],
        properties: {
          id: { type: "integer" },
          announcedOn: { type: "string", format: "date", description: "Announced or first reported." },
          kind: { type: "string", enum: [...DEAL_KINDS] },
          status: { type: "string", enum: [...DEAL_STATUSES] },
          round: { type: ["string", "null"] },
          amountUsdLow: usd("The low end of the reported amount."),
          amountUsdHigh: usd("The high end ('up to', or the top of a range)."),
          amountQualifier: { type: "string", enum: [...AMOUNT_QUALIFIERS] },
          postMoneyValuationUsd: usd("Post-money valuation."),
          recipient: ref("Organization"),
          investors: { type: "array", items: ref("Investor"), description: "Lead first." },
          sourceCount: { type: "integer" },
        },
      },
      DealPage: {
        type: "object",
        required: ["data", "total", "page", "pageSize"],
        properties: {
          data: { type: "array", items: ref("Deal") },
          total: { type: "integer" },
          page: { type: "integer" },
          pageSize: { type: "integer" },
        },
      },
      DealDetail: {
        allOf: [
          ref("Deal"),
          {
            type: "object",
            required: ["originalCurrency", "originalAmount", "stakeBps", "summary", "unverified", "sources", "events"],
            properties: {
              originalCurrency: { type: "string", pattern: "^[A-Z]{3}$" },
              originalAmount: { type: ["integer", "null"], description: "In originalCurrency, whole units." },
              stakeBps: { type: ["integer", "null"], description: "Stake in basis points (1% = 100)." },
              summary: { type: "string" },
              unverified: { type: "boolean", description: "True when some source has no page that confirms it." },
              investors: {
                type: "array",
                items: {
                  allOf: [
                    ref("Investor"),
                    {
                      type: "object",
                      properties: { note: { type: ["string", "null"] }, committedUsd: usd("Amount this investor committed.") },
                    },
                  ],
                },
              },
              sources: {
                type: "array",
                items: {
                  type: "object",
                  properties: {
                    url: { type: ["string", "null"], format: "uri" },
                    publisher: { type: ["string", "null"] },
                    publishedOn: { type: ["string", "null"], format: "date" },
                    title: { type: ["string", "null"] },
                    unverified: { type: "boolean" },
                  },
                },
              },
              events: {
                type: "array",
                description: "The lifecycle, oldest first: the status and amount as reported on each date.",
                items: {
                  type: "object",
                  properties: {
                    occurredOn: { type: "string", format: "date" },
                    status: { type: "string", enum: [...DEAL_STATUSES] },
                    amountUsdLow: usd("Low amount as reported then."),
                    amountUsdHigh: usd("High amount as reported then."),
                    amountQualifier: { type: "string", enum: [...AMOUNT_QUALIFIERS] },
                    note: { type: "string" },
                    source: {
                      type: ["object", "null"],
                      properties: { url: { type: ["string", "null"] }, publisher: { type: ["string", "null"] } },
                    },
                  },
                },
              },
            },
          },
        ],
      },
      Summary: {
        type: "object",
        required: ["capitalCountedUsd", "dealCount", "countedDealCount", "undisclosedCount", "upperBoundUsd"],
        properties: {
          capitalCountedUsd: { type: "integer", description: "Capital counted over the matching deals, whole US dollars." },
          dealCount: { type: "integer", description: "Deals that match the filters, of every kind and status." },
          countedDealCount: { type: "integer", description: "Of those, the deals counted in capital." },
          undisclosedCount: { type: "integer", description: "Counted deals whose amount is undisclosed (counted as zero)." },
          attributed: {
            type: ["object", "null"],
            description:
              "With an investor filter, the named investors' own part of the capital counted (committed amounts where known, the rest split equally among a deal's investors), beside capitalCountedUsd, the total of the rounds they joined; null without one.",
            properties: {
              capitalAttributedUsd: { type: "integer" },
              countedDeals: { type: "integer" },
              undisclosedDeals: { type: "integer" },
              upperBoundUsd: { type: "integer", description: "The part of capitalAttributedUsd from 'up to' figures." },
            },
          },
          upperBoundUsd: { type: "integer", description: "The part of capitalCountedUsd that comes from 'up to' figures." },
        },
      },
      CapitalByPeriod: {
        type: "object",
        properties: {
          grain: { type: "string", enum: ["quarter", "year"] },
          include: { type: "string", enum: ["capital", "commitments"] },
          series: {
            type: "array",
            items: { type: "object", properties: { kind: { type: "string", enum: [...DEAL_KINDS] }, label: { type: "string" } } },
          },
          data: {
            type: "array",
            items: {
              type: "object",
              properties: {
                period: { type: "string" },
                totalUsd: { type: "integer" },
                byKind: { type: "object", additionalProperties: { type: "integer" } },
              },
            },
          },
        },
      },
      InvalidParameters: {
        type: "object",
        required: ["error", "issues"],
        properties: {
          error: { const: "invalid parameters" },
          issues: {
            type: "array",
            items: {
              type: "object",
              required: ["param", "value", "message"],
              properties: { param: { type: "string" }, value: { type: "string" }, message: { type: "string" } },
            },
          },
        },
      },
      NotFound: {
        type: "object",
        required: ["error", "message"],
        properties: { error: { const: "not found" }, message: { type: "string" } },
      },
    },
  },
};
