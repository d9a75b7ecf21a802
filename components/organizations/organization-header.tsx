import Link from "next/link";
import type { OrganizationProfile, RelatedOrganization } from "@/lib/data/organization-profile";
import { ORGANIZATION_TYPE_LABELS } from "@/lib/domain";
import { formatCountry, formatNumber } from "@/lib/format";
import { organizationHref, type OrganizationSide } from "@/lib/organizations/organization-href";
import { companyHref, investorHref } from "@/lib/story/view-href";
import { ExternalLink, hostOf } from "@/components/ui/external-link";

function dealCounts(org: RelatedOrganization): string {
  const parts = [];
  if (org.dealsAsInvestor > 0) parts.push(`${formatNumber(org.dealsAsInvestor)} as investor`);
  if (org.dealsAsRecipient > 0) parts.push(`${formatNumber(org.dealsAsRecipient)} received`);
  return parts.length > 0 ? `deals: ${parts.join(", ")}` : "no deals";
}

function Related({ org, side, asOf }: { org: RelatedOrganization; side: OrganizationSide; asOf: string | null }) {
  return (
    <>
      <Link href={organizationHref(org, side, asOf)} className="link">
        {org.name}
      </Link>
      <span className="muted">
        {" "}
        ({ORGANIZATION_TYPE_LABELS[org.type]}; {dealCounts(org)})
      </span>
    </>
  );
}

/** Who the organization is, how it is also reported, and the organizations it belongs to or owns (linked, never merged). */
export function OrganizationHeader({
  profile,
  side,
  subtitle,
  asOf,
}: {
  profile: OrganizationProfile;
  side: OrganizationSide;
  subtitle: string;
  asOf: string | null;
}) {
  const asOther =
    side === "investor"
      ? { count: profile.dealsAsRecipient, href: companyHref(profile.slug, asOf), lead: "also received", label: "a company" }
      : {
          count: profile.dealsAsInvestor,
          href: investorHref(profile.slug, asOf),
          lead: "also took part as an investor in",
          label: "an investor",
        };
  return (
    <header className="space-y-2">
      <p className="text-sm muted">
        {ORGANIZATION_TYPE_LABELS[profile.type]} · {formatCountry(profile.country)}
      </p>
      <h1 className="text-2xl font-semibold tracking-tight sm:text-3xl">{profile.name}</h1>
      <p className="max-w-3xl text-gray-700 dark:text-gray-300">{subtitle}</p>
      <dl className="space-y-1 text-sm">
        {profile.aliases.length > 0 ? (
          <div>
            <dt className="inline font-medium">Also reported as: </dt>
            <dd className="inline">{profile.aliases.join(", ")}</dd>
          </div>
        ) : null}
        {profile.parent ? (
          <div>
            <dt className="inline font-medium">Part of: </dt>
            <dd className="inline">
              <Related org={profile.parent} side={side} asOf={asOf} />
            </dd>
          </div>
        ) : null}
        {profile.children.length > 0 ? (
          <div>
            <dt className="inline font-medium">Units and venture arms: </dt>
            <dd className="inline">
              {profile.children.map((child, index) => (
                <span key={child.slug}>
                  {index > 0 ? "; " : ""}
                  <Related org={child} side={side} asOf={asOf} />
                </span>
              ))}
            </dd>
          </div>
        ) : null}
        {profile.website ? (
          <div>
            <dt className="inline font-medium">Website: </dt>
            <dd className="inline">
              <ExternalLink href={profile.website} className="link">
                {hostOf(profile.website)}
              </ExternalLink>
            </dd>
          </div>
        ) : null}
      </dl>
      {profile.parent || profile.children.length > 0 ? (
        <p className="text-sm muted">The figures on this page are {profile.name}&rsquo;s own: related organizations keep theirs.</p>
      ) : null}
      {asOther.count > 0 ? (
        <p className="text-sm">
          {profile.name} {asOther.lead} {formatNumber(asOther.count)} {asOther.count === 1 ? "deal" : "deals"}:{" "}
          <Link href={asOther.href} className="link">
            see {profile.name} as {asOther.label}
          </Link>
        </p>
      ) : null}
    </header>
  );
}
