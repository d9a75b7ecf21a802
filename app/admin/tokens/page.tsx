import { CreateTokenForm, RevokeTokenButton } from "@/components/admin/token-forms";
import { requirePageActor } from "@/lib/auth/page-actor";
import { listTokens } from "@/lib/data/admin";

export const metadata = { title: "API tokens" };

export default async function TokensPage() {
  const actor = await requirePageActor("/admin/tokens");
  const tokens = await listTokens(actor.id, actor.role === "admin");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">API tokens</h1>
      <p className="text-gray-700 dark:text-gray-300">
        Send a token as <code>Authorization: Bearer &lt;token&gt;</code>, e.g. to <code>POST /api/import</code>. Tokens act with your role.
      </p>
      <CreateTokenForm />
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">Tokens</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-4">
                Name
              </th>
              <th scope="col" className="pr-4">
                Starts with
              </th>
              <th scope="col" className="pr-4">
                Owner
              </th>
              <th scope="col" className="pr-4">
                Last used
              </th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {tokens.map((t) => (
              <tr key={t.id} className="row-rule">
                <td className="py-2 pr-4">{t.name}</td>
                <td className="py-2 pr-4 font-mono">{t.prefix}…</td>
                <td className="py-2 pr-4">{t.user.email}</td>
                <td className="py-2 pr-4">{t.lastUsedAt ? t.lastUsedAt.slice(0, 16).replace("T", " ") : "never"}</td>
                <td className="py-2">{t.revokedAt ? "revoked" : <RevokeTokenButton id={t.id} name={t.name} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
