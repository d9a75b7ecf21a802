// Creating users and API tokens: shared by the command line and the admin pages.
import { z } from "zod";
import type { PrismaClient } from "../generated/prisma/client";
import { hashPassword, MIN_PASSWORD_LENGTH } from "./password";
import { USER_ROLES } from "./roles";
import { generateSecret, hashSecret } from "./secret-token";

export const newUserSchema = z.object({
  email: z
    .email({ error: "email must be an email address" })
    .max(200)
    .transform((e) => e.toLowerCase()),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, { error: `password must be at least ${MIN_PASSWORD_LENGTH} characters` })
    .max(200),
  role: z.enum(USER_ROLES, { error: `role must be one of ${USER_ROLES.join(", ")}` }),
});

export async function createUser(db: PrismaClient, input: z.input<typeof newUserSchema>) {
  const data = newUserSchema.parse(input);
  if (await db.user.findUnique({ where: { email: data.email }, select: { id: true } })) {
    throw new Error(`a user with email ${data.email} already exists`);
  }
  return db.user.create({
    data: { email: data.email, role: data.role, passwordHash: await hashPassword(data.password) },
    select: { id: true, email: true, role: true },
  });
}

export const tokenNameSchema = z.string().trim().min(1, { error: "name is required" }).max(100);

/** Returns the token once; only its hash is kept. */
export async function createApiToken(db: PrismaClient, userId: number, name: string): Promise<{ id: number; token: string }> {
  const token = generateSecret("dt");
  const row = await db.apiToken.create({
    data: { userId, name: tokenNameSchema.parse(name), tokenHash: hashSecret(token), prefix: token.slice(0, 10) },
    select: { id: true },
  });
  return { id: row.id, token };
}
