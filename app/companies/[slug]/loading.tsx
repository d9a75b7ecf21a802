import { OrganizationPageSkeleton } from "@/components/organizations/organization-page-skeleton";

export default function Loading() {
  return <OrganizationPageSkeleton label="Loading the company…" />;
}
