/** One-way password hashing (argon2id in production). */
export abstract class PasswordHasher {
  abstract hash(password: string): Promise<string>;
  /** Whether `password` matches `hash`; false (never an error) for a malformed hash. */
  abstract verify(hash: string, password: string): Promise<boolean>;
}
