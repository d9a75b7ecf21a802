import { UserForm } from "@/components/admin/user-form";
import { requirePageActor } from "@/lib/auth/page-actor";
import { listUsers } from "@/lib/data/admin";

export const metadata = { title: "Users" };

export default async function UsersPage() {
  const actor = await requirePageActor("/admin/users");
  if (actor.role !== "admin") {
    return <p role="alert">Only admins manage users.</p>;
  }
  const users = await listUsers();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Users</h1>
      <UserForm />
      <div className="overflow-x-auto">
        <table className="min-w-full text-left text-sm">
          <caption className="sr-only">Users</caption>
          <thead>
            <tr>
              <th scope="col" className="pr-4">
                Email
              </th>
              <th scope="col" className="pr-4">
                Role
              </th>
              <th scope="col">Since</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} className="row-rule">
                <td className="py-2 pr-4">{u.email}</td>
                <td className="py-2 pr-4">
                  {u.role}
                  {u.disabledAt ? " (disabled)" : ""}
                </td>
                <td className="py-2">{u.createdAt.slice(0, 10)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
